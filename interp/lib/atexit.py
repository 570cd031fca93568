"""Functions to run when the interpreter exits (CPython 3.11's `atexit`, written for pvm).

pvm's runner calls `_run_exitfuncs()` after the main program finishes (normally, by an uncaught
exception, or by SystemExit): the callbacks run last-registered first.
"""

import sys

__all__ = ["register", "unregister"]

_callbacks = []


def register(func, /, *args, **kwargs):
    """Register func(*args, **kwargs) to be called at exit; returns func (usable as a decorator)."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Remove every registration of func."""
    _callbacks[:] = [c for c in _callbacks if c[0] != func]


def _ncallbacks():
    return len(_callbacks)


def _clear():
    del _callbacks[:]


def _run_exitfuncs():
    """Call the registered functions, last first; an exception is reported and the rest still run."""
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as e:
            sys.stdout.flush()
            print(f"Exception ignored in atexit callback: {func!r}", file=sys.stderr)
            print("Traceback (most recent call last):", file=sys.stderr)
            print(f"{type(e).__name__}: {e}" if str(e) else type(e).__name__, file=sys.stderr)
