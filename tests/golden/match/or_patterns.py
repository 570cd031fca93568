# An OR pattern tries its alternatives left to right; all alternatives must bind the same names.
def http_status(code):
    match code:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302 | 307 | 308:
            return "redirect"
        case 400 | 401 | 403 | 404:
            return "client error"
        case 500 | 502 | 503:
            return "server error"
        case _:
            return "unknown"

for c in [200, 204, 302, 404, 503, 999]:
    print(c, http_status(c))

# Alternatives may bind the same names in different positions (and even in a different order).
def pair_value(p):
    match p:
        case ("x", v) | (v, "x"):
            return v
        case {"a": a, "b": b} | [a, b, _]:
            return (a, b)
        case (1, first, second) | (2, second, first):
            return (first, second)
    return None

print(pair_value(("x", 1)), pair_value((2, "x")), pair_value({"a": 1, "b": 2}), pair_value([3, 4, 5]))
print(pair_value((1, "f", "s")), pair_value((2, "s", "f")))

# OR patterns nest inside other patterns.
match [1, ("b", 2)]:
    case [1 | 2, ("a" | "b", n)]:
        print("nested alternatives, n =", n)

# Alternatives of class patterns.
match 3.0:
    case int() | float():
        print("a number")
