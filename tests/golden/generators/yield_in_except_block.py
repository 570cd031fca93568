# A generator suspended inside an `except` block takes "the exception being handled" with it: the
# caller does not see it as its own context, and a bare `raise` after resuming re-raises it.
def gen():
    try:
        raise ValueError("inside the generator")
    except ValueError:
        yield "suspended in the handler"
        raise

it = gen()
print(next(it))
try:
    raise KeyError("in the caller")
except KeyError as e:
    print("caller's context:", repr(e.__context__))
try:
    next(it)
except ValueError as e:
    print("re-raised:", repr(e))

# The same for a generator suspended in a `finally` run for an exception.
def cleanup():
    try:
        raise IndexError("pending")
    finally:
        yield "in finally"

c = cleanup()
print(next(c))
try:
    raise TypeError("unrelated")
except TypeError as e:
    print("context:", repr(e.__context__))
try:
    next(c)
except IndexError as e:
    print("the pending exception continued:", repr(e))
