import math
print(math.pi, math.sqrt(2), math.sqrt(16), math.sqrt(0.25), math.sqrt(1e100))
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.5), math.ceil(-2.5), math.floor(3), math.ceil(-0.0))
print(type(math.floor(2.5)), math.floor(1e20), math.ceil(1.5e30))
print(math.sqrt(2) ** 2, math.pi * 2, round(math.pi, 3), round(math.pi, 10))
print(math.sqrt(10 ** 40), math.sqrt(2 ** 100))
for r in [1, 2.5, 10]:
    print(r, math.pi * r * r, 2 * math.pi * r)
