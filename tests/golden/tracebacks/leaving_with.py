# golden: full stderr
# A `return` inside a `with` calls `__exit__` at the `with` statement's position;
# an exception from `__exit__` there propagates to the caller.
class Transaction:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError("commit failed")


def save(record):
    with Transaction():
        stored = dict(record)
        return stored


save({"id": 1})
