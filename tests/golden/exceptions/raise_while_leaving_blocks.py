# Code run while a return, break or continue leaves a block (an inlined finally body, an
# __exit__ call) is not protected by that block: an exception it raises goes to the enclosing
# handler, and a finally body never runs twice.
class CM:
    def __init__(self, name, fail=False): self.name = name; self.fail = fail
    def __enter__(self): print("enter", self.name); return self
    def __exit__(self, *a):
        print("exit", self.name, a[0].__name__ if a[0] else None)
        if self.fail:
            raise RuntimeError("exit " + self.name)
        return False

def f1():
    try:
        with CM("a"), CM("b", fail=True):
            return 1
    finally:
        print("finally f1")

def f2():
    for i in range(3):
        try:
            try:
                continue
            finally:
                print("inner finally", i)
                if i == 1:
                    raise ValueError(i)
        except ValueError as e:
            print("caught", e)
            return "r"
        finally:
            print("outer finally", i)

def f3():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            return 3
        finally:
            print("f3 finally")
            raise TypeError("t")

def f4():
    while True:
        with CM("w", fail=True):
            try:
                break
            finally:
                print("f4 finally")

for fn in (f1, f2, f3, f4):
    try:
        print(fn.__name__, fn())
    except Exception as e:
        print(fn.__name__, "raised", type(e).__name__, e, "context:", type(e.__context__).__name__)
