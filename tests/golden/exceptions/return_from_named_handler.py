# `return` (and `break`/`continue`) inside `except ... as name:` leave the handler exactly once: the
# exception being handled by the caller is still the context of the next one it raises.

def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return "handled " + type(e).__name__


def g():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if i == 1:
                break
            continue
    return i


try:
    raise KeyError("k")
except KeyError:
    print(f())
    print(g())
    try:
        raise ValueError("v")
    except ValueError as v:
        print(repr(v.__context__))
