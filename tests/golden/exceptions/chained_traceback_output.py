# golden: full stderr
# Uncaught chained exception: CPython prints both tracebacks (the last line is checked here).
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("could not parse") from e
print("before")
parse("abc")
