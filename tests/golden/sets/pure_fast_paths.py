# Sets of ints and strs are built, searched and copied without the VM's general equality; a stored
# object with a Python __eq__ still gets asked, and copies keep CPython's layout (iteration order).
class Two:
    def __eq__(self, other):
        print("Two.__eq__", other)
        return other == 2
    def __hash__(self):
        return hash(2)

s = {Two(), 5}
print(2 in s, 5 in s, 7 in s, 2 in frozenset(s))
print({1, 1.0, True}, {"a", "a", "b"} == {"b", "a"}, len({1, "a", (1, 2), 1}))
class S(str):
    def __hash__(self):
        return 1
    def __eq__(self, other):
        return True
print(S("zz") in {"a", "b"}, "a" in {S("q")})
for n in (3, 4, 5, 6, 11, 12, 25):
    f = frozenset(range(0, 3 * n, 3))
    print(n, list(f | {7}), list(set(f).copy()), list(frozenset(f)))
d = set(range(40))
for k in range(0, 40, 3):
    d.discard(k)
print(list(d | {100}), list(d.copy()))
print([1, 2] + [3], [] + [], "hé" + "llo", "a" + S("b"), type("a" + S("b")).__name__)
text = "héllo wörld €uro"
for a, b in ((2, 7), (-3, None), (5, 2), (None, None), (0, 100), (-100, 3), (15, 16)):
    print(repr(text[a:b]), repr("plain ascii"[a:b]), [0, 1, 2, 3, 4, 5][a:b], (7, 8, 9)[a:b], b"bytes!"[a:b])
print(S("subclass")[1:4], type(S("subclass")[1:4]).__name__, text[::1] == text, text[1:9:2])
