# str/repr/args of exceptions with zero, one or several arguments.
for exc in (ValueError(), ValueError("one"), ValueError("a", 2), KeyError("k"), KeyError(), OSError(2, "No such file")):
    print(repr(exc), "|", str(exc), "|", exc.args)
e = OSError(2, "No such file")
print(e.errno, e.strerror)
class MyErr(Exception):
    pass
print(repr(MyErr("x")), str(MyErr()), MyErr(1, 2).args)
