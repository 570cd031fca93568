vals = [1, -2.5, "text", "quo'te", None, True, [1, "a"], (2,), {"k": [1.5]}, "é\n"]
for v in vals:
    print(f"{v}|{v!s}|{v!r}|" + "{}|{!r}|".format(v, v) + "%s|%r" % (v, v))
print(f"{'abc'!r:>10}|{'abc'!s:<6}|")
print(f"{str(1.0)!r} {repr(1.0)!s}")
