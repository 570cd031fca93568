# __init__ runs only when __new__ returns an instance of the class.
class Odd:
    def __new__(cls, x):
        if x < 0:
            return "negative"
        return super().__new__(cls)
    def __init__(self, x):
        print("init", x)
        self.x = x
print(Odd(3).x)
print(Odd(-1))
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Single() is Single())
