# A context manager whose __exit__ returns True suppresses the exception.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, typ, val, tb):
        print("exit with", typ.__name__ if typ else None)
        return typ is not None and issubclass(typ, self.types)
with Suppress(KeyError):
    {}["x"]
print("after suppressed")
with Suppress(KeyError):
    pass
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped:", e)
import contextlib
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("done")
