# property getters/setters, class attributes, staticmethod/classmethod, instance dict shadowing.
class Temperature:
    scale = "C"

    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @classmethod
    def freezing(cls):
        return cls(0)

    @staticmethod
    def describe(t):
        return f"{t.celsius:.1f}{Temperature.scale}"


t = Temperature(21.5)
print(t.celsius, t.fahrenheit, Temperature.describe(t))
t.celsius = 30
print(t.celsius, round(t.fahrenheit, 2))
try:
    t.celsius = -300
except ValueError as e:
    print("rejected:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
f = Temperature.freezing()
print(type(f).__name__, f.celsius, f.scale)
f.scale = "K"
print(f.scale, Temperature.scale, t.scale)
Temperature.scale = "F"
print(t.scale, f.scale)
print(hasattr(t, "celsius"), hasattr(t, "kelvin"), getattr(t, "kelvin", None))
