t = tuple(range(10))
print(t[2:5], t[::3], t[::-1], t[-3:], t[5:2], t[-1:-4:-1])
for i, v in enumerate(t[:3]):
    print(i, v)
total = 0
for v in t:
    total += v
print(total, sum(t), len(t), t.index(7), 7 in t)
words = ("alpha", "beta", "gamma")
print(tuple([w.upper() for w in words]), tuple(sorted(words, key=len)))
print(tuple(reversed(words)), list(words), words + ("delta",))
print(t[slice(1, 9, 2)], t[100:], ())
