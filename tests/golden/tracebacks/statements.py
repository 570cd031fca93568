# golden: full stderr
# Positions CPython gives statements: an assert marks its comparison, an
# unpacking marks its targets.
def check(pairs):
    for a, b in pairs:
        assert a < b, f"{a} >= {b}"


def unpack_all(items):
    try:
        check(items)
    except AssertionError:
        first, second = items


unpack_all([(1, 2), (3, 1), (5, 6)])
