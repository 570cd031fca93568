# A starred name in a sequence pattern collects the remaining items into a list (possibly empty).
def split(seq):
    match seq:
        case [only]:
            return f"only={only}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
        case _:
            return "empty"

for s in [[], [1], [1, 2], [1, 2, 3], (1, 2, 3, 4, 5), range(6)]:
    print(split(s))

# The star may be anywhere; the collected value is always a list, even for a tuple subject.
match (1, 2, 3, 4):
    case (*init, tail):
        print("init", init, "tail", tail, type(init).__name__)
match (1, 2, 3, 4):
    case (head, *rest):
        print("head", head, "rest", rest)

# *_ matches any number of items without collecting them.
match list(range(100)):
    case [0, 1, *_, 98, 99]:
        print("starts with 0, 1 and ends with 98, 99")
match [1]:
    case [*_]:
        print("[*_] matches any sequence")

# A minimum length: [a, *rest, b] needs at least two items.
match [7]:
    case [a, *rest, b]:
        print("two or more")
    case [a, *rest]:
        print("one or more; rest =", rest)
