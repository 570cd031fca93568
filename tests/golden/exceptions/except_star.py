# except* handles matching parts of a group; unhandled parts propagate.
def run():
    try:
        raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
    except* ValueError as g:
        print("values:", [str(e) for e in g.exceptions])
    except* TypeError as g:
        print("types:", [str(e) for e in g.exceptions])
run()
try:
    try:
        raise ExceptionGroup("mixed", [KeyError("k"), OSError("o")])
    except* KeyError:
        print("handled KeyError")
except ExceptionGroup as rest:
    print("left over:", [type(e).__name__ for e in rest.exceptions])
try:
    raise ValueError("naked")
except* ValueError as g:
    print("wrapped:", type(g).__name__, [str(e) for e in g.exceptions])
