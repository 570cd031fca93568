# Subclasses of float and int: arithmetic gives plain numbers, __new__ with extra state, conversions.
class Celsius(float):
    def __repr__(self):
        return f"{float(self):.1f}C"
t = Celsius(21.5)
print(t, t + 1, t * 2, round(t), int(t), t > 20, f"{t:.3f}", type(t + 1).__name__, -t, abs(Celsius(-2)))

class Money(int):
    def __new__(cls, amount, currency="EUR"):
        obj = super().__new__(cls, amount)
        obj.currency = currency
        return obj
    def __str__(self):
        return f"{int(self)} {self.currency}"
m = Money(5, "USD")
print(m, repr(m), m + 1, m * 3, m // 2, m == 5, hash(m) == hash(5), [10, 20, 30, 40, 50, 60][m], range(10)[m], m.currency, bin(m), isinstance(m, int))

