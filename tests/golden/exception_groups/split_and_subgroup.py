# split(condition) -> (match, rest) and subgroup(condition) -> match keep the nesting structure.
# The condition is an exception type, a tuple of types, or a predicate function.
eg = ExceptionGroup("all", [
    ValueError(1),
    TypeError(2),
    ExceptionGroup("inner", [ValueError(3), KeyError(4)]),
    OSError(5),
])

match, rest = eg.split(ValueError)
print("match:", repr(match))
print("rest: ", repr(rest))

match, rest = eg.split((TypeError, KeyError))
print("match:", repr(match))
print("rest: ", repr(rest))

print(repr(eg.subgroup(lambda e: isinstance(e, OSError))))
print(repr(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner")))
print(eg.subgroup(ZeroDivisionError))
print(eg.split(Exception)[0] is eg, eg.split(Exception)[1])

# Parts keep the traceback, cause and context of the original.
try:
    try:
        raise RuntimeError("cause")
    except RuntimeError as c:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)]) from c
except ExceptionGroup as g:
    part = g.subgroup(ValueError)
    print(repr(part.__cause__), part.__cause__ is g.__cause__)

try:
    eg.split("not a condition")
except TypeError as e:
    print("TypeError:", e)
