it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
s = iter("ab")
print(next(s), next(s), next(s, "end"))
d = iter({"k1": 1, "k2": 2})
print(next(d), list(d))
r = iter(range(3))
print(list(r), list(r))
it2 = iter([10, 20, 30, 40])
for v in it2:
    print("loop got", v)
    if v == 20:
        break
print("rest", list(it2))
t = iter((5,))
print(iter(t) is t, next(t), next(t, "stop"))
it3 = iter([1, 2, 3, 4, 5, 6])
pairs = list(zip(it3, it3))
print(pairs)
