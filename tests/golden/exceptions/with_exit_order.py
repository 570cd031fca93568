# Nested and multi-item with statements exit in reverse order, even on errors.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
with CM("a") as a, CM("b") as b:
    print("body", a, b)
try:
    with CM("x"), CM("y"):
        raise RuntimeError("boom")
except RuntimeError:
    print("caught")
class Bad:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with CM("outer"), Bad():
        print("no body")
except OSError as e:
    print("OSError:", e)
