# Keys are the same dict key when they have equal hashes and compare equal, even when one is an int
# and the other an instance of a Python class (the class's __eq__ decides).
from decimal import Decimal
from fractions import Fraction


class Num:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        if isinstance(other, Num):
            return self.n == other.n
        return self.n == other

    def __repr__(self):
        return f"Num({self.n})"


d = {Decimal(1): "decimal", 1: "int"}
print(len(d), d)
d = {1: "int", Decimal(1): "decimal", 1.0: "float"}
print(len(d), d)
print(1 in {Decimal(1): 0}, Decimal(1) in {1: 0}, Fraction(1, 2) in {0.5: "half"})
d = {Num(3): "num", 3: "three", 3.0: "float"}
print(d)
print({3: "x"}[Num(3)], {Num(3): "y"}[3])
s = {Decimal(2), 2, 2.0, Num(2)}
print(len(s), s)
s = {2, Num(2)}
print(s, Num(2) in {2}, 2 in {Num(2)})
s.discard(2)
print(s)
print({Num(5), 6} - {5}, {Fraction(3), 4} & {3, 4})
