# Mapping patterns match dicts that have (at least) the given keys; extra keys are ignored.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return f"key {k!r}"
        case {"type": "key"}:
            return "special key"
        case {"type": t, **rest}:
            return f"unknown event {t!r} with {sorted(rest)}"
        case {}:
            return "a mapping without a type"
        case _:
            return "not a mapping"

for e in [{"type": "click", "pos": (1, 2), "button": 1},
          {"type": "key", "key": "a"},
          {"type": "key", "key": "Enter"},
          {"type": "scroll", "dx": 1, "dy": 2},
          {"kind": "other"},
          [("type", "click")],
          "type"]:
    print(handle(e))

# **rest collects the remaining items into a new dict (in the original order).
config = {"host": "localhost", "port": 8080, "debug": True, "user": "me"}
match config:
    case {"host": host, "port": port, **options}:
        print(host, port, options)
        print("a new dict:", options is not config)

# Keys may be literals of any hashable kind, or dotted names.
class Keys:
    ID = "id"
match {1: "one", "id": 7, None: "none", b"k": 2}:
    case {1: one, Keys.ID: ident, None: n, b"k": k}:
        print(one, ident, n, k)

# A missing key is simply no match; the value pattern must match too.
match {"a": 1}:
    case {"a": 2}:
        print("no")
    case {"b": _}:
        print("no")
    case {"a": 1}:
        print("a is 1")
