# golden: full stderr
# Chained exceptions: each traceback in the chain has its caret lines, for
# both `raise ... from ...` and an exception raised while handling another.
def lookup(table, key):
    try:
        return table[key]
    except KeyError as e:
        raise LookupError("no " + key) from e


def report(table):
    try:
        return lookup(table, "x")
    except LookupError:
        return "missing: " + len(table)


print(report({}))
