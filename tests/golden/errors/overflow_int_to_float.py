big = 2 ** 1000
print(float(big) > 0)
print(float(2 ** 2000))
