# golden: full stderr
# break, continue and return may not leave an except* clause.
def f():
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* ValueError:
        return "handled"
