# golden: full stderr
# An `__exit__` that raises is reported at the `with` line, whatever the last
# line of the body was; the exception from the body is its context.
class Resource:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError("cleanup failed")


with Resource() as r:
    value = 1
    value = value / 0
