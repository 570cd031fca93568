counts = {}
for i in range(50000):
    k = (i * 7919) % 101
    counts[k] = counts.get(k, 0) + 1
print(len(counts), counts[0], counts[100], sum(counts.values()))
squares = {}
for i in range(20000):
    squares[i] = i * i
total = 0
for i in range(0, 20000, 3):
    total += squares[i]
print(total)
memo = {0: 0, 1: 1}
def fibm(n):
    if n not in memo:
        memo[n] = fibm(n - 1) + fibm(n - 2)
    return memo[n]
for n in range(0, 301, 50):
    print(n, fibm(n))
inv = {}
for k in range(1000):
    inv.setdefault(k % 7, []).append(k)
print([len(inv[k]) for k in sorted(inv)], inv[3][:5])
