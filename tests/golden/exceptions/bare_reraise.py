# A bare raise re-raises the exception being handled, even after a nested handler finished.
def f():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            pass
        raise
try:
    f()
except KeyError as e:
    print("re-raised:", repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
