# golden: full stderr
# A try statement has either except clauses or except* clauses, not both.
try:
    pass
except* ValueError:
    pass
except TypeError:
    pass
