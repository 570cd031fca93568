# except* in a hot loop (the JIT traces the loop and leaves the trace for the handler).
handled = {"ValueError": 0, "TypeError": 0}
for i in range(2000):
    try:
        if i % 3 == 0:
            raise ExceptionGroup("g", [ValueError(i), TypeError(i)])
        elif i % 3 == 1:
            raise ExceptionGroup("g", [ValueError(i)])
    except* ValueError as eg:
        handled["ValueError"] += len(eg.exceptions)
    except* TypeError as eg:
        handled["TypeError"] += len(eg.exceptions)
print(handled)

total = 0
for i in range(3000):
    try:
        try:
            raise ExceptionGroup("g", [KeyError(i), IndexError(i)])
        except* KeyError:
            total += 1
    except ExceptionGroup as rest:
        total += len(rest.exceptions)
print(total)
