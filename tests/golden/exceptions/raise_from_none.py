# raise ... from None hides the context; __cause__, __context__ and __suppress_context__.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise ValueError(f"missing {k}") from None
try:
    lookup({}, "a")
except ValueError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise RuntimeError("wrapped") from z
except RuntimeError as e:
    print(type(e.__cause__).__name__, e.__suppress_context__, e.__context__ is e.__cause__)
