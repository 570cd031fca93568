# The boxed format in full: chained sub-exceptions, nested groups, at most 15 sub-exceptions shown per
# group and 10 levels of nesting, notes.
def f(i):
    try:
        raise KeyError(i)
    except KeyError as e:
        raise ValueError(f"v{i}") from e

excs = []
for i in range(17):
    try:
        f(i)
    except ValueError as e:
        excs.append(e)
group = ExceptionGroup("wide", excs)
for depth in range(12):
    group = ExceptionGroup(f"depth {depth}", [group, TypeError(depth)])
try:
    raise group
except ExceptionGroup as e:
    caught = e
print("raising")
try:
    raise RuntimeError("outer")
except RuntimeError:
    final = BaseExceptionGroup("with base", [KeyboardInterrupt(), caught])
    final.add_note("a note\nwith two lines")
    raise final
