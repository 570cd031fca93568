# is* predicates, CPython's Unicode character classes
tests = ["123", "12.3", "abc", "ABC", "aBc", "abc123", "", " ", " \t\n", "a b", "Ⅻ", "٣", "²", "½", "一", "éà", "Hello World", "_x", "x_1", "1x", "αβ", "ℕ", "a·", "ा", "ª", "\u200b", "\x7f", "é ", "\u00a0", "\x1c\x1d\x1e\x1f", "\u3000", "A\u0301", "𝟘", "ǅ"]
for t in tests:
    print(repr(t), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isidentifier(), t.isprintable(), t.isascii())
count = [0] * 8
for cp in range(0, 0x3000):
    c = chr(cp)
    count[0] += c.isalpha()
    count[1] += c.isdigit()
    count[2] += c.isdecimal()
    count[3] += c.isnumeric()
    count[4] += c.isspace()
    count[5] += c.isupper()
    count[6] += c.islower()
    count[7] += c.isprintable()
print(count)
