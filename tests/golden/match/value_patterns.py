# A dotted name is a value pattern: it is looked up and compared with ==, never assigned to.
import math

class Color:
    RED = "red"
    GREEN = "green"
    BLUE = "blue"

class Shades:
    class Gray:
        LIGHT = 200
        DARK = 50

def name(c):
    match c:
        case Color.RED:
            return "it's red"
        case Color.GREEN | Color.BLUE:
            return "green or blue"
        case Shades.Gray.LIGHT:
            return "light gray"
        case Shades.Gray.DARK:
            return "dark gray"
        case math.pi:
            return "pi"
        case other:
            return "unknown " + repr(other)

for c in ["red", "green", "blue", 200, 50, math.pi, 3]:
    print(name(c))

# Value patterns call the subject's __eq__ with the value.
class Loud:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("  comparing", self.v, "with", other)
        return self.v == other

class K:
    ONE = 1
    TWO = 2

match Loud(2):
    case K.ONE:
        print("one")
    case K.TWO:
        print("two")

# Rebinding the class attribute changes what the pattern matches.
K.ONE = 100
match 100:
    case K.ONE:
        print("matched the new value of K.ONE")
