# A metaclass that records classes and adds a method.
class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns):
        ns["describe"] = lambda self: f"I am {name}"
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls
    def __call__(cls, *args):
        print("creating", cls.__name__, args)
        return super().__call__(*args)
class Thing(metaclass=Registry):
    def __init__(self, n):
        self.n = n
class Sub(Thing):
    pass
s = Sub(3)
print(s.n, s.describe(), Registry.classes, type(Sub).__name__)
