N = 200000
is_p = [True] * (N + 1)
is_p[0] = is_p[1] = False
i = 2
while i * i <= N:
    if is_p[i]:
        for j in range(i * i, N + 1, i):
            is_p[j] = False
    i += 1
primes = [k for k in range(N + 1) if is_p[k]]
print(len(primes), primes[:10], primes[-5:])
print(sum(primes))
gaps = {}
for a, b in zip(primes, primes[1:]):
    g = b - a
    gaps[g] = gaps.get(g, 0) + 1
print(sorted(gaps.items())[:8])
twins = 0
for k in range(len(primes) - 1):
    if primes[k + 1] - primes[k] == 2:
        twins += 1
print("twins", twins)
