# __format__ receives the spec from format() and f-strings; default object formatting.
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] + "f") + "F"
        return format(self.c, spec) + "C"
t = Temp(21.5)
print(f"{t}", f"{t:.1F}", format(t, ">8.2f"), "{:.0F}".format(t))
class Plain:
    def __str__(self):
        return "plain"
print(f"{Plain()}", format(Plain(), ""))
try:
    format(Plain(), "x")
except TypeError as e:
    print("TypeError:", e)
