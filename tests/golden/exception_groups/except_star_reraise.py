# A bare `raise` in an except* clause re-raises its part of the original group: re-raised parts are
# merged back into one group shaped like the original (same message, same nesting).
original = ExceptionGroup("orig", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3), KeyError(4)])])
try:
    try:
        raise original
    except* ValueError:
        raise
    except* KeyError:
        raise
    except* TypeError:
        print("TypeError handled")
except ExceptionGroup as e:
    print(repr(e))
    print(e.message == original.message)

# Re-raised and newly raised exceptions together: the new ones come first, then the re-raised part.
try:
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise OSError("new")
except ExceptionGroup as e:
    print(repr(e))

# Everything re-raised: the original's structure comes back.
try:
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise
except ExceptionGroup as e:
    print(repr(e))

# Re-raising a naked exception caught by except* gives the wrapping group.
try:
    try:
        raise ValueError("naked")
    except* ValueError:
        raise
except ExceptionGroup as e:
    print(repr(e))
