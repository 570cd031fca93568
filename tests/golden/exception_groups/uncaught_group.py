# An uncaught exception group is printed in CPython's boxed format (the last line closes the box).
def check(values):
    errors = []
    for v in values:
        if v < 0:
            errors.append(ValueError(f"{v} is negative"))
        elif v > 100:
            errors.append(OverflowError(f"{v} is too big"))
    if errors:
        raise ExceptionGroup("invalid values", errors)

print("checking")
check([1, -2, 300, -4])
