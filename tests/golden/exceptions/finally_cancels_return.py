# A break, continue or return inside a finally block that runs for a pending return replaces that
# return: the function goes on (or returns the new value) instead.


def continue_cancels():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return "after loop"


def break_cancels():
    for i in range(5):
        try:
            return "from try", i
        finally:
            break
    return "after break"


def return_overrides():
    try:
        return "try"
    finally:
        return "finally"


def nested_finally():
    log = []
    for i in range(2):
        try:
            try:
                return "inner", i
            finally:
                log.append(("inner finally", i))
        finally:
            log.append(("outer finally", i))
            if i == 0:
                continue
    return log


def while_loop():
    n = 0
    while True:
        n += 1
        try:
            return n
        finally:
            if n < 4:
                continue


def with_handler():
    out = []
    for i in range(3):
        try:
            try:
                raise ValueError(i)
            except ValueError as e:
                return "handler", e.args
            finally:
                out.append(i)
                if i < 2:
                    continue
        finally:
            out.append("outer")
    return out


def generator():
    for i in range(3):
        try:
            yield i
            return
        finally:
            if i < 2:
                continue


def value_is_evaluated_once():
    calls = []

    def f(x):
        calls.append(x)
        return x

    for i in range(2):
        try:
            return f(i)
        finally:
            if i == 0:
                continue
    return calls


def break_in_for_over_iterator():
    it = iter("abc")
    for ch in it:
        try:
            return ch
        finally:
            break
    return "rest: " + "".join(it)


print(continue_cancels())
print(break_cancels())
print(return_overrides())
print(nested_finally())
print(while_loop())
print(with_handler())
print(list(generator()))
print(value_is_evaluated_once())
print(break_in_for_over_iterator())
