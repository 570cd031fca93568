# A small program to try pvm: primes, a dict, f-strings and a bigint.
def primes(n):
    sieve = [True] * (n + 1)
    out = []
    for i in range(2, n + 1):
        if sieve[i]:
            out.append(i)
            for j in range(i * i, n + 1, i):
                sieve[j] = False
    return out

ps = primes(100)
print(f"{len(ps)} primes below 100, the last is {ps[-1]}")
counts = {}
for p in ps:
    counts[p % 10] = counts.get(p % 10, 0) + 1
print("last digits:", dict(sorted(counts.items())))
print("2**100 =", 2 ** 100)
