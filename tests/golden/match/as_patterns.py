# `pattern as name` binds the subject of the pattern when the pattern matches.
def parse(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["pick", "up", item] | ["take", item]:
            return f"taking {item}"
        case ["drop", *items] as whole if items:
            return f"dropping {items} (command had {len(whole)} words)"
        case [verb, *_] as words:
            return f"unknown verb {verb!r} in {words}"
        case []:
            return "nothing to do"

for c in ["go north", "go up", "pick up lamp", "take key", "drop a b", "drop", "dance wildly", ""]:
    print(repr(c), "->", parse(c))

# `as` works on any pattern, at any depth.
match {"point": [1, 2]}:
    case {"point": [x, y] as pt} as everything:
        print(x, y, pt, everything)

match 5:
    case (1 | 5) as n:
        print("got", n)

class Box:
    __match_args__ = ("content",)
    def __init__(self, content):
        self.content = content
match Box(Box(3)):
    case Box(Box(_) as inner) as outer:
        print(inner.content, outer.content is inner)
