# Width/fill/alignment specs of ints and strs (`f"{i:05d}"`, `f"{s:<12}"`) take a fast path; every
# other spec goes through the general formatter. Both must agree with CPython, errors included.
vals = [0, 5, -5, 12345, -98765, 2**63 - 1, -2**63, 2**70, "ab", "é", "", "hello world", True, 2.5]
specs = ["", "0", "5", "05", "5d", "05d", "d", "<5", ">5", "^5", "^6", "=6", "x<5", "x>5", "x^7",
         "x=7", "0<5", "é^6", "s", "5s", "<12", "010", "00", "<", "=", "0=5", "*>1", "5x", "+5",
         ",", "5,d"]
for v in vals:
    row = []
    for sp in specs:
        try:
            r = f"{v:{sp}}"
            assert r == format(v, sp)
        except (ValueError, TypeError) as e:
            r = type(e).__name__ + ": " + str(e)
        row.append(r)
    print(repr(v), row)
print(f"{7:{'0'}{5}d}|{'ab':*^{6}}|{-3:=+5}|{12:#x}")
# %-formatting: plain %s/%d of strs and ints, and everything around them.
class S(str): pass
class I(int): pass
cases = [("%d.%d.%s", (1, -2, "x")), ("%s", "abc"), ("%s", 5), ("%d", True), ("%s", True),
         ("%s|%r", ("é", "é")), ("%5s|%-5d|%05d", ("a", 3, -4)), ("%s", (S("q"),)), ("%d", I(7)),
         ("%s %s", (1,)), ("%s", (1, 2)), ("%(a)s %(b)d", {"a": "x", "b": 2}), ("%s", {"a": 1}),
         ("%%%s%%", 3), ("%i %u", (2**70, -3)), ("%s", 2**70), ("%c%c", (65, "é")), ("%.2s", "abcdef"),
         ("%x %o", (255, 8)), ("%d", 2.7), ("%s", None), ("%d", "x"), ("%z", 1), ("%s %", 1)]
for t, a in cases:
    try:
        print(repr(t % a))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
