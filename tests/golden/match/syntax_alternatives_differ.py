# golden: full stderr
# All alternatives of an OR pattern must bind the same set of names.
def f(x):
    match x:
        case (1, a) | (2, b):
            return 0
