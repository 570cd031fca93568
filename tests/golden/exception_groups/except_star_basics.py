# `except*` handles the matching part of an exception group; each clause runs at most once, on the
# sub-group of the exceptions it matches, and the unhandled rest propagates.
def fail(*excs):
    raise ExceptionGroup("failures", list(excs))

try:
    fail(ValueError("v1"), TypeError("t1"), ValueError("v2"))
except* ValueError as eg:
    print("ValueErrors:", repr(eg))
except* TypeError as eg:
    print("TypeErrors:", repr(eg))
print("all handled")

# Clauses that match nothing are skipped; what no clause handles is re-raised as a group.
try:
    try:
        fail(ValueError("v"), OSError("o"), KeyError("k"))
    except* ValueError:
        print("handled the ValueError")
    except* ZeroDivisionError:
        print("never printed")
except ExceptionGroup as rest:
    print("rest:", repr(rest))

# A tuple of types in one clause.
try:
    fail(ValueError(1), TypeError(2), KeyError(3))
except* (ValueError, TypeError) as eg:
    print("tuple clause:", repr(eg))
except* KeyError as eg:
    print("KeyError clause:", repr(eg))

# A naked exception (not a group) is wrapped in an ExceptionGroup for the handler.
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("wrapped:", repr(eg))

# A naked exception no clause matches propagates unchanged.
try:
    try:
        raise KeyError("unmatched")
    except* ValueError:
        pass
except KeyError as e:
    print("unchanged:", repr(e))

# else and finally work as usual.
try:
    pass
except* ValueError:
    print("not run")
else:
    print("else runs when nothing was raised")
finally:
    print("finally runs")
