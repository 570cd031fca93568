# A pattern may bind each name only once.
def f(x):
    match x:
        case [a, [b, a]]:
            return a
