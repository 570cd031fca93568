# str.split / rsplit / splitlines / strip family / partition
samples = ["a,b,,c", "  a  b  c  ", "", "   ", "aaa", "x", "a\u3000b\x1cc\x85d\u00a0e", "one\ttwo\nthree"]
for s in samples:
    print(repr(s), s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=0))
    print("  ", s.split(","), s.split(",", 1), s.rsplit(",", 1), s.split("a"), s.rsplit("aa"), s.split(sep=",", maxsplit=2))
lines = "ab\r\ncd\nef\rgh\x0bij\x0ckl\x1cmn\u2028op\x85\n\nend"
print(lines.splitlines())
print(lines.splitlines(True))
print("x\n".splitlines(), "\n".splitlines(keepends=True), "".splitlines(), "no newline".splitlines())
for s in ["  xy  ", "\t\n hi \x0b\x0c\x1c", "xxhixx", "xyhiyx", "", "ééhiéé"]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")), repr(s.strip("xy")), repr(s.lstrip("yx")), repr(s.rstrip("xy")), repr(s.strip("é")))
print(repr("hi".strip(None)), repr("hi".strip("")))
for s in ["abc", "abcb", "ébé", "", "bbb"]:
    print(s.partition("b"), s.rpartition("b"), s.partition("x"), s.rpartition("x"))
print("key=value=x".partition("="), "key=value=x".rpartition("="))
words = "the quick  brown fox".split(" ")
print(words, len(words), "-".join(words))
print("a.b.c".rsplit(".", 1)[0], "path/to/file.txt".rpartition("/")[2])
