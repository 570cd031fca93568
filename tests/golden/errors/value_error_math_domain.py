import math
print(math.sqrt(9.0))
print(math.sqrt(-1))
