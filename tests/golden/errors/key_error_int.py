d = {1: "one"}
print(d.get(2, "none"))
print(d[42])
