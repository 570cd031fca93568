below = 0
equal = 0
for i in range(20000):
    f = i * 0.5
    if f < i // 3:
        below += 1
    if f == i // 2:
        equal += 1
print(below, equal)
big_hits = 0
for i in range(1000):
    b = 2 ** 53 + i
    if float(b) == b:
        big_hits += 1
print("exact floats", big_hits)
mx = -1.0
for i in range(10000):
    v = (i * 37 % 1001) / 7
    if v > mx:
        mx = v
print(mx)
nan = float("nan")
n_cmp = 0
for i in range(1000):
    if nan < i or nan >= i or nan == i:
        n_cmp += 1
print("nan comparisons true", n_cmp)
