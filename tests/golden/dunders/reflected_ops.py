# Reflected operators run when the left operand returns NotImplemented or lacks the method.
class Money:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.v + other.v)
        if isinstance(other, int):
            return Money(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        print("radd with", other)
        return self.__add__(other)
    def __repr__(self):
        return f"Money({self.v})"
print(Money(1) + Money(2), Money(1) + 5, 5 + Money(1))
print(sum([Money(1), Money(2)]))
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
