# At most one starred name in a sequence pattern.
def f(x):
    match x:
        case [*a, 1, *b]:
            return 0
