def first_multiple(seq, k):
    for v in seq:
        if v % k == 0 and v > 0:
            return v
    return None
data = list(range(-50, 5000, 7))
hits = 0
for k in range(1, 400):
    r = first_multiple(data, k)
    if r is not None:
        hits += r
print("hits", hits)
def find_pair(target):
    for a in range(1, 200):
        for b in range(a, 200):
            if a * b == target:
                return a, b
            if a * b > target:
                break
    return None
print([find_pair(t) for t in [1, 12, 97, 391, 10000, 39601, 39999]])
count = 0
for i in range(100000):
    if i * i > 2_000_000_000:
        print("broke at", i)
        break
    count += 1
else:
    print("no break")
print(count)
n = 0
while True:
    n += 3
    if n % 1000 == 999:
        break
print("n", n)
