# An exception raised in __exit__ replaces the one in the body and chains it.
class Faulty:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        raise KeyError("from exit")
try:
    with Faulty():
        raise ValueError("from body")
except KeyError as e:
    print(repr(e), "context:", repr(e.__context__))
