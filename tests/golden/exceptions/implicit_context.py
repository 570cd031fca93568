# An exception raised while handling another records it as __context__.
try:
    try:
        {}["k"]
    except KeyError:
        int("x")
except ValueError as e:
    print(type(e).__name__, "context:", type(e.__context__).__name__, e.__cause__)
def cleanup():
    try:
        raise OSError("first")
    finally:
        try:
            raise TypeError("second")
        except TypeError as t:
            print("inner context:", repr(t.__context__))
try:
    cleanup()
except OSError as e:
    print("outer:", e)
