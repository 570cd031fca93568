print("never runs")
if True:
    continue
