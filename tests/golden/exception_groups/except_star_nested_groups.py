# Matching looks into nested groups; the handler gets the matching leaves in their original structure.
def raise_nested():
    raise ExceptionGroup("top", [
        ValueError("a"),
        ExceptionGroup("middle", [TypeError("b"), ValueError("c")]),
        ExceptionGroup("other", [KeyError("d")]),
    ])

try:
    raise_nested()
except* ValueError as eg:
    print("values:", repr(eg))
except* TypeError as eg:
    print("types: ", repr(eg))
except* KeyError as eg:
    print("keys:  ", repr(eg))

# Matching by a base class collects all subclasses.
try:
    raise ExceptionGroup("lookups", [KeyError(1), IndexError(2), ValueError(3)])
except* LookupError as eg:
    print("lookup errors:", repr(eg))
except* Exception as eg:
    print("everything else:", repr(eg))

# except* catches exceptions derived from BaseException too, inside BaseExceptionGroups.
try:
    raise BaseExceptionGroup("mixed", [KeyboardInterrupt(), ValueError()])
except* KeyboardInterrupt as eg:
    print(type(eg).__name__, repr(eg))
except* ValueError as eg:
    print(type(eg).__name__, repr(eg))
