# Literal keys of a mapping pattern must be distinct (1 and 1.0 are the same key).
def f(x):
    match x:
        case {1: a, "k": b, 1.0: c}:
            return 0
