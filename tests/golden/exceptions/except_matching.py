# except clauses match by class hierarchy, tuples and order; bare except catches everything.
def classify(thunk):
    try:
        thunk()
    except ZeroDivisionError:
        return "zero"
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ArithmeticError:
        return "arith"
    except Exception as e:
        return "other " + type(e).__name__
    return "ok"

print(classify(lambda: 1 / 0))
print(classify(lambda: {}["k"]))
print(classify(lambda: [][3]))
print(classify(lambda: 2.0 ** 10000))
print(classify(lambda: int("x")))
print(classify(lambda: None))
try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("not here")
except ValueError as e:
    print("outer got", e)
try:
    undefined
except:
    print("bare except")
def nested(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        nested(n - 1)
    finally:
        print("unwinding", n)
try:
    nested(3)
except LookupError as e:
    print("caught", e)
