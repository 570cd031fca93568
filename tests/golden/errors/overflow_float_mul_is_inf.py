import math
x = 1e300
print(x * 1e10)
print(math.floor(x * 1e10))
