# Exceptions raised in except* clauses do not stop the other clauses: at the end, everything raised is
# combined with the unhandled rest into a new ExceptionGroup.
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("from the ValueError clause")
    except* TypeError:
        raise RuntimeError("from the TypeError clause")
except ExceptionGroup as result:
    print(repr(result))
    for e in result.exceptions:
        print("  ", repr(e), "| context:", repr(e.__context__))

# A single raised exception with nothing left over propagates by itself.
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise KeyError("replacement")
except KeyError as e:
    print("alone:", repr(e), "| context:", repr(e.__context__))

# Exceptions raised inside a handler can be handled there as usual.
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError:
    try:
        raise TypeError("inner")
    except TypeError as e:
        print("handled inside the clause:", repr(e))
print("done")
