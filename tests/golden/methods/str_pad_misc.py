# center/ljust/rjust/zfill/expandtabs/replace/removeprefix/encode/translate/format_map/join
for s in ["abc", "ab", "", "é", "abcdef"]:
    print(repr(s.center(9)), repr(s.center(8, "*")), repr(s.center(7, "-")), repr(s.center(2)), repr(s.ljust(6, ".")), repr(s.rjust(6, ".")), repr(s.center(5, "é")))
for s in ["42", "-42", "+42", "--", "", "abc", "é", "-"]:
    print(repr(s.zfill(5)), repr(s.zfill(1)), repr(s.zfill(-3)))
for s in ["a\tb", "ab\tc\nd\te", "\t", "x\ty\rz\tw", "no tabs", "\t\t"]:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(0)), repr(s.expandtabs(-1)), repr(s.expandtabs(tabsize=2)))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "hello".replace("", "-"), "hello".replace("", "-", 2))
print(repr("".replace("", "x")), repr("".replace("", "x", 0)), "aaaa".replace("aa", "b"), "abc".replace("b", "", -5), "ééé".replace("é", "e", 2))
print("prefix_x".removeprefix("prefix_"), "x".removeprefix(""), "abc".removesuffix("bc"), "abc".removesuffix("x"), "abc".removeprefix("abc"))
print("abc".encode(), "é€".encode(), "é".encode("latin-1"), "abc".encode("ascii"), "é".encode("ascii", "replace"), "é😀".encode("ascii", "backslashreplace"))
print("é😀".encode("ascii", "xmlcharrefreplace"), "é😀x".encode("latin-1", "ignore"), "abc".encode(encoding="utf8"), "é".encode("UTF-8"), "a".encode("Latin1"))
table = str.maketrans("abc", "xyz", "e")
print(sorted(table.items()))
print("abcde".translate(table), "abc".translate({97: None}), "abc".translate({}), "abc".translate({98: "BB", 99: 100}), "abc".translate([]))
print(sorted(str.maketrans({"a": "b", 99: None}).items()))
print("{a} and {b}".format_map({"a": 1, "b": [2]}), "{a[0]}{a[2]}".format_map({"a": "xyz"}), "{x:>5}|".format_map({"x": "r"}))
print("{:{}}|{:>{w}}|".format("a", 3, "b", w=4), "{0:{1}}".format(5, 3), "{:*^{}}".format("mid", 11), "{:.{}f}".format(3.14159, 2))
print("x".join(["a", "b", "c"]), ",".join(""), ",".join("abc"), "".join(["x"]), ", ".join({"k": 1, "j": 2}), "-".join(("a",)))
print("abc".join("123"), " ".join([str(i) for i in [1, 2, 3]]))
print("abc".encode("ascii"))
print("aé".encode("ascii"))
