# contextlib: contextmanager (incl. as a decorator), suppress, closing, nullcontext, redirect_stdout/stderr, ExitStack.
import contextlib, sys, io
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout

@contextmanager
def tag(name):
    """Wrap output in a tag."""
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("h1") as t:
    print("inside", t)
print(tag.__name__, tag.__doc__, type(tag("x")).__name__)

@contextmanager
def handler():
    try:
        yield
    except ValueError as e:
        print("handled", e)

with handler():
    raise ValueError("boom")
print("after handled")
try:
    with handler():
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))

@contextmanager
def nogen():
    if False:
        yield
try:
    with nogen():
        pass
except RuntimeError as e:
    print(e)

@contextmanager
def two():
    yield 1
    yield 2
try:
    with two():
        pass
except RuntimeError as e:
    print(e)
try:
    with two():
        raise ValueError("v")
except ValueError as e:
    print("ValueError passes", e)

@contextmanager
def swallow_and_yield():
    try:
        yield
    except Exception:
        yield
try:
    with swallow_and_yield():
        raise TypeError
except RuntimeError as e:
    print(e)

@tag("deco")
def decorated(x):
    print("body", x)
    return x * 2
print(decorated(21), decorated(1))

with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed")

class Resource:
    def close(self):
        print("closed")
with closing(Resource()) as r:
    print(type(r).__name__)
with nullcontext(42) as v:
    print(v)
with nullcontext() as v:
    print(v)

buf = io.StringIO()
with redirect_stdout(buf) as target:
    print("captured line")
    print(target is buf)
print(repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    sys.stderr.write("to err\n")
print(repr(err.getvalue()))

with ExitStack() as stack:
    for n in ("a", "b", "c"):
        print(stack.enter_context(tag(n)))
    stack.callback(print, "callback", 1, end="!\n")
    @stack.push
    def exit_cb(*exc):
        print("exit_cb", exc)
print("stack done")

def cleanup_order():
    with ExitStack() as stack:
        stack.callback(print, "first registered, last run")
        stack.callback(print, "second")
        moved = stack.pop_all()
    print("popped")
    moved.close()
cleanup_order()

class Suppressor:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("suppressing", exc[0].__name__)
        return True
with ExitStack() as stack:
    stack.enter_context(Suppressor())
    raise ValueError("lost")
print("suppressed by stack")

try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        raise KeyError("original")
except ZeroDivisionError as e:
    print("replaced", repr(e.__context__))
try:
    with ExitStack() as stack:
        stack.enter_context(3)
except TypeError as e:
    print(e)
print(isinstance(nullcontext(), contextlib.AbstractContextManager))
print(issubclass(Resource, contextlib.AbstractContextManager), issubclass(Suppressor, contextlib.AbstractContextManager))

class MyCM(contextlib.ContextDecorator):
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *exc):
        print("exit")
        return False
@MyCM()
def f():
    print("in f")
f()
