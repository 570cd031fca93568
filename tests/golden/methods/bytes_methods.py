# bytes methods
data = [b"a b  c", b"a,b,,c", b"", b" a b ", b"a\x1cb", b"\t\n\x0b\x0c\r x \x1c"]
for d in data:
    print(d, d.split(), d.rsplit(), d.split(b","), d.split(b",", 1), d.rsplit(b",", 1), d.split(None, 1), d.rsplit(None, 1), d.strip(), d.lstrip(), d.rstrip())
s = b"hello world"
for sub in [b"l", b"o", b"", b"zz", 108]:
    print(sub, s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 3, 9), s.rfind(sub, -4), s.count(sub, 2, -2))
print(s.index(b"o"), s.rindex(b"o"), s.startswith(b"he"), s.startswith((b"x", b"hello")), s.endswith(b"ld"), s.endswith(b"o", 0, 5), s.startswith(b"w", 6))
print(b"xax".strip(b"x"), b"xxa".lstrip(b"x"), b"axx".rstrip(b"x"), b"xax".strip(None))
print(b"aaa".replace(b"a", b"xy"), b"abc".replace(b"", b"-"), b"abc".replace(b"", b"-", 2), b"aaaa".replace(b"aa", b"b"), b"a".replace(b"a", b"b", 0))
print(b"-".join([b"a", b"b"]), b"".join([]), b", ".join((b"x", b"y")), b"aB1\xe9".upper(), b"aB1\xc9".lower())
print(b"\xc3\xa9".decode(), b"\xe9".decode("latin-1"), b"abc".decode("ascii"), b"\xf0\x9f\x98\x80".decode("utf-8"), b"abc".decode(encoding="utf8"))
for bad in [b"\xe2\x82a", b"a\xff\xfeb", b"\xe2\x82", b"\xed\xa0\x80", b"\xf0\x9f\x98", b"\xc0\x80"]:
    print(bad, repr(bad.decode("utf-8", "replace")), repr(bad.decode("utf-8", "ignore")), repr(bad.decode("utf-8", "backslashreplace")), repr(bad.decode("ascii", "replace")))
print(b"abcdef".hex(), b"abcdef".hex(":", 2), b"abcdef".hex(":", -2), b"abcdef".hex(b"-"), b"abcde".hex(":", 2), b"abcde".hex(":", -2), b"".hex(":"))
print(bytes.fromhex("61 62"), bytes.fromhex(""), bytes.fromhex(" 0a0B "), b"abc".partition(b"b"), b"abc".rpartition(b"x"), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"))
print(b"123".isdigit(), b"".isdigit(), b"abc".isalpha(), b"a1".isalnum(), b" \t".isspace(), b"AB1".isupper(), b"ab1".islower(), b"1".islower())
print("é".encode().decode(), "€uro".encode("utf-8").decode("utf-8"), list("hé".encode()))
print(b"\xe9t\xe9".decode())
