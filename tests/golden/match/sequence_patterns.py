# Sequence patterns match lists, tuples and ranges (and their subclasses) of the right length.
# str, bytes and dicts are not sequences for pattern matching, and neither are iterators.
def shape(x):
    match x:
        case []:
            return "empty sequence"
        case [a]:
            return f"one item: {a!r}"
        case [a, b]:
            return f"two items: {a!r}, {b!r}"
        case (a, b, c):
            return f"three items: {a!r}, {b!r}, {c!r}"
        case _:
            return "not a short sequence"

for x in [[], (), [1], ("x",), [1, 2], (3, 4), [1, 2, 3], range(3), range(10),
          "ab", b"ab", {1: 2}, {1, 2}, iter([1, 2]), 12]:
    print(type(x).__name__, "->", shape(x))

# [a, b] and (a, b) mean the same thing: the brackets do not constrain the type.
match (1, 2):
    case [a, b]:
        print("tuple matched a list-style pattern:", a, b)

# Nested sequences.
def area(shape):
    match shape:
        case ("rect", (x1, y1), (x2, y2)):
            return abs(x2 - x1) * abs(y2 - y1)
        case ("square", (_, _), side):
            return side * side
        case ("line", *_):
            return 0
    return None

print(area(("rect", (0, 0), (2, 3))), area(("square", (1, 1), 4)), area(("line", 1, 2, 3)),
      area(("circle", 1)))

# Items are matched left to right; a failing item stops the match.
match [1, "two", 3.0]:
    case [int(i), str(s), float(f)]:
        print("typed items:", i, s, f)
