# The constructor checks its arguments like CPython's.
def attempt(*args):
    try:
        BaseExceptionGroup(*args)
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

attempt("only a message")
attempt("m", [])
attempt(42, [ValueError()])
attempt("m", [ValueError(), "not an exception"])
attempt("m", {ValueError()})
attempt("m", ValueError())
attempt("m", [ValueError()], "extra")

try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)

class MyGroup(ExceptionGroup):
    pass
try:
    MyGroup("m", [SystemExit()])
except TypeError as e:
    print("TypeError:", e)
