# split/rsplit search separators bytewise and build ASCII pieces without recounting; join sizes its
# result first. These cases pin the edges of those fast paths against CPython.
texts = ["", " ", "a", "a b", "  a  b  ", "a,b,,c,", ",", "aaa", "aaaa", "é,ü,,x",
         "\x1ca\x1fb\x0bc\u00a0d\u3000e", "a\tb\nc\rd\x0ce"]
seps = [None, ",", "a", "aa", ",,", "é", " "]
for t in texts:
    for sep in seps:
        print(repr(t), repr(sep), [t.split(sep, m) for m in (-1, 0, 1, 2)],
              [t.rsplit(sep, m) for m in (-1, 0, 1, 2)])
print("x y".split(maxsplit=1), "x y z".rsplit(sep=None, maxsplit=1), "a-b-c".split(sep="-"))
for bad in [("",), (1,), ("a", "b"), ("a", 1, 2)]:
    try:
        "a".split(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

class S(str):
    pass

print("-".join(["a", "bé", S("x")]), repr("".join([])), ",".join(("x",)), "é".join("abc"),
      "".join(iter(["q", "r"])), "+".join({"k": 1}))
for bad in (["a", 1], ("a", None), [b"x"], 5):
    try:
        ",".join(bad)
    except TypeError as e:
        print(e)
x = "abc"
print("".join([x]) is x, len("é".join(["ab"] * 40)), "".join(["ü"] * 100)[50])
# Single characters are shared, as in CPython.
s, e, acute = "hello", "ehe", "é"
print(s[1] is e[0], [c for c in s], list("héllo"), chr(0xe9) is acute[0])
