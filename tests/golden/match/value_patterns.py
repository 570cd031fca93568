# Dotted names are value patterns (compared with ==); bare names capture.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Codes:
    OK = 200
    MISSING = 404
def check(c):
    match c:
        case Color.RED:
            return "red"
        case Codes.OK:
            return "ok"
        case Codes.MISSING | 410:
            return "gone"
        case other:
            return f"other {other}"
for c in (Color.RED, Color.GREEN, 200, 404, 410, 500):
    print(check(c))
