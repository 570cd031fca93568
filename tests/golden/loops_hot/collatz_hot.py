best = 0
best_n = 0
cache_hits = 0
for n in range(1, 6000):
    x = n
    steps = 0
    while x != 1:
        if x % 2 == 0:
            x //= 2
        else:
            x = 3 * x + 1
        steps += 1
    if steps > best:
        best = steps
        best_n = n
        print("new best", n, steps)
print(best_n, best)
