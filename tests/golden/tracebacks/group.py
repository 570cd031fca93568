# golden: full stderr
# Exception groups: the caret lines of sub-exception tracebacks are written
# inside the group's box, after the same margin as their source lines.
def divide(a, b):
    return a / b


def first(items):
    return items[0]


errors = []
for fn, args in [(divide, (1, 0)), (first, ([],))]:
    try:
        fn(*args)
    except Exception as e:
        errors.append(e)
raise ExceptionGroup("two failures", errors)
