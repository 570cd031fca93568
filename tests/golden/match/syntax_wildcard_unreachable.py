# The same for a wildcard inside an OR pattern that is not the last alternative.
def f(x):
    match x:
        case 1 | _ | 2:
            return "something"
