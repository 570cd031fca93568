# The builtin types bool, bytes, dict, float, frozenset, int, list, set, str and tuple take a single
# positional sub-pattern, which matches the subject itself.
def kind(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case list([first, *_]):
            return f"non-empty list starting with {first}"
        case list():
            return "empty list"
        case tuple(t):
            return f"tuple of {len(t)}"
        case dict({"k": v}):
            return f"dict with k = {v}"
        case dict():
            return "other dict"
        case frozenset(fs):
            return f"frozenset of {len(fs)}"
        case set(s):
            return f"set of {len(s)}"
        case _:
            return "something else"

for x in [True, 7, 1.5, "s", b"b", [3, 4], [], (1, 2, 3), {"k": 9}, {}, frozenset([1]), {1, 2}, None]:
    print(kind(x))

# bool is a subclass of int: order matters.
match False:
    case int(n):
        print("False matched int() with n =", n)

# Keyword sub-patterns work on builtins too (any attribute).
match 10:
    case int(real=r, imag=i):
        print("real", r, "imag", i)
match 2.5:
    case float(is_integer=method):
        print("bound method attribute:", method())
