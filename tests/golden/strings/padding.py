for w in [0, 3, 7, 10, 11]:
    print(repr("hello".center(w)), repr("hello".ljust(w)), repr("hello".rjust(w)), repr("hello".zfill(w)))
print(repr("ab".center(7, "*")), repr("ab".center(6, "*")), repr("abc".center(6, "*")), repr("abc".center(8, "-")))
print(repr("x".ljust(4, ".")), repr("x".rjust(4, ".")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "".zfill(3), "abc".zfill(5), "-".zfill(3))
for n in [1, 22, 333]:
    print(str(n).rjust(5), "|", str(n).ljust(5), "|")
