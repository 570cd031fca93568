# Pure sort keys are sorted by their leading machine words (ints, floats, 7-byte pieces of strs with a
# length byte) and compared in full only on ties: the edges of that encoding must give CPython's order.
s = 12345
def rnd(n):
    global s
    s = (s * 1103515245 + 12345) & 0x7FFFFFFF
    return (s >> 8) % n
alphabet = ["a", "b", "\x00", "é", "€", "😀", "z"]
def rstr():
    return "".join(alphabet[rnd(7)] for _ in range([0, 1, 6, 7, 8, 9, 14, 15, 21][rnd(9)]))
ints = [0, 1, -1, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**70, -2**70, True, False, 5, -5]
floats = [0.0, -0.0, 1.5, -1.5, float("inf"), float("-inf"), 1e300, -1e-300, 2.0]
shapes = [
    lambda: rstr(),
    lambda: ints[rnd(len(ints))],
    lambda: floats[rnd(len(floats))],
    lambda: (ints[rnd(len(ints))], rstr()),
    lambda: (rstr(), rstr(), ints[rnd(4)]),
    lambda: (-rnd(3), (rstr(), rstr())),
    lambda: (floats[rnd(4)], rnd(3), rstr(), rstr()),
]
for shape in shapes:
    for rev in (False, True):
        items = [(shape(), i) for i in range(40)]
        print([i for _, i in sorted(items, key=lambda t: t[0], reverse=rev)])
# Strings around the 7-byte word boundaries, NULs and prefixes.
print(sorted(["abcdefgh", "abcdefg", "abcdefg\x00", "abcdefgh\x00", "abcdefghijklmno",
              "abcdefghijklmn", "abcdefghijklmnop", "abcdefg\x00\x00", "", "\x00"]))
# Tuples of different lengths at one place compare by length after a common prefix.
print(sorted([((1,), 5), ((1, 2), 3), ((0, 9, 9), 1), ((1,), 2), ((), 0)]))
print(sorted([(("a",), 5), (("a", "b"), 3), (("a",), 4)]))
# Equal keys keep their order (stable), also reversed.
pairs = [("k" * (i % 3) + "x" * 8, i) for i in range(12)]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
counts = {("b", "a"): 2, ("a", "b"): 2, ("a", "a"): 1, ("c",): 2}
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
