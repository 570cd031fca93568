# What except* clauses do not handle propagates; with a clause that raised too, the result is a new group.
print("start")
try:
    raise ExceptionGroup("batch", [ValueError(1), TypeError(2), KeyError(3)])
except* ValueError:
    print("ValueError handled")
except* TypeError:
    raise RuntimeError("TypeError could not be handled")
