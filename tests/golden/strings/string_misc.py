s = "Hello"
print(len(s), len(""), s * 2, s + "!", s[1], s[-1])
print(str(123) + "4", int("12") + 4, str(1.5), str(None), str(True), str([1, "a"]))
print(repr("quote'"), repr('dq"'), repr("both'\""), repr("nl\n"), repr("tab\t"), repr("\\"), repr("\x00\x7f\x80é"))
print(repr("é中😀"), repr("\u200b\xa0\xad"), repr("\r\x1b"))
t = "abc"
print(t == "abc", t is not None, "a" < "b", ord("a") - ord("A"))
s2 = "a"
for i in range(5):
    s2 += chr(ord("a") + i + 1)
print(s2)
print(str.upper("x"), str.join("-", ["a", "b"]))
print(str(), repr(str()), str("x"), str(-0.0), str(2 ** 70))
print("abc"[1:] + "abc"[:1], "abc"[10:] == "", "abc" != "abd")
