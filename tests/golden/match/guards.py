# A guard (`case pattern if condition:`) is evaluated only after the pattern matched, with its names
# bound; if it is false, matching continues with the next case.
calls = []

def is_even(n):
    calls.append(n)
    return n % 2 == 0

def classify(x):
    match x:
        case int(n) if n < 0:
            return "negative"
        case int(n) if is_even(n):
            return "even"
        case int(n):
            return "odd"
        case [a, b] if a == b:
            return "a pair of equal items"
        case [a, b]:
            return "a pair"
        case _ if isinstance(x, str):
            return "a string"
        case _:
            return "other"

for x in [-3, 4, 7, [1, 1], [1, 2], "s", 2.5]:
    print(repr(x), classify(x))
print("guard calls:", calls)

# The names of a pattern are bound before its guard runs, even if the guard then fails.
match (1, 2):
    case (a, b) if a > b:
        print("unreachable")
    case _:
        print("guard failed, but a and b are bound:", a, b)

# A guard can use the walrus operator; what it binds stays bound.
match [3, 4]:
    case [x, y] if (total := x + y) > 5:
        print("total", total)

# Guards are not evaluated when the pattern does not match.
def loud(v):
    print("  guard evaluated for", v)
    return True
match "text":
    case int(n) if loud(n):
        print("int")
    case str(s) if loud(s):
        print("str")
