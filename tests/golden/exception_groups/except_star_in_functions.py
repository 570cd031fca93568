# except* inside functions, loops and generators; the handled part is the current exception.
import sys

def process(items):
    errors = []
    for item in items:
        try:
            errors.append(ValueError(item)) if item < 0 else None
        except* ValueError:
            pass
    if errors:
        raise ExceptionGroup("negative items", errors)
    return "ok"

def safe(items):
    # (return is not allowed inside an except* clause: set a result instead)
    try:
        result = process(items)
    except* ValueError as eg:
        print("current exception is the match:", sys.exc_info()[1] is eg)
        result = f"{len(eg.exceptions)} bad"
    return result

print(safe([1, 2, 3]))
print(safe([1, -2, -3]))

def gen():
    for i in range(3):
        try:
            raise ExceptionGroup("g", [KeyError(i)])
        except* KeyError as eg:
            yield eg.exceptions[0].args[0]

print(list(gen()))

# A loop inside an except* clause may break and continue.
try:
    raise ExceptionGroup("g", [ValueError(1)])
except* ValueError:
    for i in range(10):
        if i == 1:
            continue
        if i == 3:
            break
        print("loop", i)
