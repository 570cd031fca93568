# Value patterns must be literals or dotted names; an f-string is neither.
def f(x):
    match x:
        case f"{x}":
            return 0
