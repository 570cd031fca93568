import math
f = 1
for i in range(1, 61):
    f *= i
    if i in (5, 10, 20, 21, 25, 30, 40, 50, 60):
        print(i, f)
print(f == math.factorial(60))
print(math.factorial(0), math.factorial(1), math.factorial(25))
s = 0
for ch in str(math.factorial(100)):
    s += int(ch)
print("digit sum of 100!", s)
print(len(str(math.factorial(200))))
