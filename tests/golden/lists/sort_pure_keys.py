# Sort keys that compare without Python code (ints, floats, strs, tuples of them, one kind per
# position) are sorted directly; mixed kinds, NaN, subclasses and user objects take the general path.
# Both give CPython's stable order; errors come from the general path.
import random
r = random.Random(3)
ints = [r.randrange(-50, 50) for _ in range(300)]
print(sorted(ints)[:20], sorted(ints, reverse=True)[:5])
recs = [(r.randrange(5), r.choice("abcde") * r.randrange(1, 3), i) for i in range(200)]
print(sorted(recs, key=lambda t: (t[0], t[1]))[:8])
print(sorted(recs, key=lambda t: (t[0], t[1]), reverse=True)[:8])
print(sorted(recs, key=lambda t: t[1])[:8], sorted(recs, key=lambda t: t[1], reverse=True)[:4])
print(sorted([3, True, False, 2**70, -2**70, 1]))
print(sorted([2.5, -0.0, 0.0, 1, 3.5]), sorted([0.0, -0.0, 0.0]), sorted([-0.0, 0.0]))
print(sorted(["b", "é", "a", "ü", "Z", "aa", ""]))
print(sorted([(1, "a"), (1,), (0, "z", 3), (1, "a", 0)]))
print(sorted([(1, 2.5), (1, 2), (0, 9)]))
print(sorted([float("nan"), 1.0, 0.5]) [1:])
try: sorted([1, "a"])
except TypeError as e: print(e)
try: sorted([(1, "a"), (1, 2)])
except TypeError as e: print(e)
try: sorted([(1, "a"), ("x", 2)])
except TypeError as e: print(e)
print(sorted([(1, "a"), (2, 2)]))
class S(str): pass
print(sorted([S("b"), "a", S("c")]))
l = [5, 3, 1]; l.sort(); print(l)
l = ["b", "a"]; l.sort(key=str.upper, reverse=True); print(l)
words = ["bb", "a", "ccc", "dd", "e"]; words.sort(key=len); print(words)
print(sorted({"x": 1, "y": 2}.items(), key=lambda kv: (-kv[1], kv[0])))
# Nested tuple keys (a bigram and its count), deep nesting, and sets iterated in loops.
pairs = {("b", "a"): 2, ("a", "c"): 2, ("a", "b"): 5, ("c", "a"): 1}
print(sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted([((1, ("x", 2.5)),), ((1, ("x", 1.5)),), ((0, ("y", 0.0)),)]))
deep = 1
for _ in range(12):
    deep = (deep,)
print(sorted([deep, deep]) == [deep, deep], sorted([((2,), "a"), ((1, 5), "b"), ((1,), "c")]))
try:
    sorted([((1, "a"),), ((1, 2),)])
except TypeError as e:
    print(e)
s = {5, 3, 9, 1}
out = []
for x in s:
    out.append(x)
print(sorted(out), sum(x for x in s))
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print(e)
