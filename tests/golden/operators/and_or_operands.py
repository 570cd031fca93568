print(0 or 5, 3 or 5, "" or "default", [] or [1], None or 0)
print(0 and 5, 3 and 5, "" and "x", "a" and "b", None and 1)
print(1 and 2 and 3, 1 and 0 and 3, 0 or "" or None, 0 or "" or "last")
print(not 0, not 5, not "", not None, not [0])
print((1 or 2) and (0 or 3), 1 or 2 and 0, (1 or 2) and 0)
def side(tag, val):
    print("eval", tag)
    return val
print(side("a", 0) and side("b", 1))
print(side("c", 1) or side("d", 1))
print(side("e", 1) and side("f", 0) or side("g", "fallback"))
x = None
name = x or "anonymous"
print(name)
print(not not 3, not (1 and 0))
