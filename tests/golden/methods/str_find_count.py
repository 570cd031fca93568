# find / rfind / index / rindex / count / startswith / endswith with start/end
s = "hello world"
for sub in ["l", "o", "z", "", "ll", "world", "hello world!"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub))
    for start, end in [(0, None), (3, None), (-2, None), (0, 2), (5, 5), (6, 100), (-100, 100), (20, None), (4, 1), (None, -3)]:
        print("  ", start, end, s.find(sub, start, end), s.rfind(sub, start, end), s.count(sub, start, end), s.startswith(sub, start, end), s.endswith(sub, start, end))
print(s.index("o"), s.rindex("o"), s.index("o", 5), s.rindex("l", 0, 5))
u = "héllo wörld ünïcode"
print(u.find("ö"), u.rfind("l"), u.count("l", 3), u.index("l", -9), u.find("ü", 5, 14), u.rfind("o", 0, -1))
print(u.startswith("él", 1), u.endswith("é", 0, 2), u.startswith(("x", "hé")), u.endswith(("de", "x")), u.startswith(()))
print("".startswith(""), "".endswith("", 0, 0), "abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("", -1))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"), "abababa".count("aba"), "abc".count("", 1, 2))
print("abc".find("b", 2 ** 70), "abc".find("b", -2 ** 70), "abc".count("b", -2 ** 80, 2 ** 80), "abc".find("c", True))
text = "one two one three one"
pos = text.find("one")
found = []
while pos != -1:
    found.append(pos)
    pos = text.find("one", pos + 1)
print(found, text.count("one"), text.rfind("one"), text.index("three"))
print("x".index("x", -1))
print("abc".rindex("c", -1))
print("abc".index("c"))
print("abc".index("d"))
