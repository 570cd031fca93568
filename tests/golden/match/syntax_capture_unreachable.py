# An unguarded capture pattern matches everything, so cases after it could never run.
def f(x):
    match x:
        case 1:
            return "one"
        case other:
            return "other"
        case 2:
            return "two"
