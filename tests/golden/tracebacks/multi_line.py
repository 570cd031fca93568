# golden: full stderr
# An expression spanning lines is shown at its first line, marked up to the
# end of that line (its last non-blank character).
def combine(a, b, c):
    return a + b + c


result = combine(1,
                 2,
                 "three")
