# A finally clause that runs because of return, break or continue can itself jump: the last jump wins,
# and the exception or value that was pending is dropped.


def swallow_exception_with_continue():
    caught = []
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            caught.append(i)
            continue
    return caught


def break_drops_exception():
    while True:
        try:
            1 / 0
        finally:
            break
    return "ZeroDivisionError dropped"


def return_in_finally_of_generator():
    try:
        yield "first"
        return "try value"
    finally:
        return "finally value"


def nested_loops():
    out = []
    for i in range(3):
        for j in range(3):
            try:
                if j == 1:
                    return (i, j)
            finally:
                if j == 1:
                    out.append((i, j))
                    break
    return out


print(swallow_exception_with_continue())
print(break_drops_exception())
g = return_in_finally_of_generator()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(nested_loops())
