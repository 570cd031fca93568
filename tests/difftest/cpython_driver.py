"""Run many generated programs in one CPython 3.11 process (tests/difftest.rs): starting CPython costs
more than running a generated program, so the harness hands it a directory of programs at once.

usage: python3.11 cpython_driver.py DIR NAME...
For each DIR/NAME.py writes DIR/NAME.cpython as three parts separated by NUL bytes: the exit status,
the last line of stderr, stdout. Each program runs as __main__ in a fresh namespace, with stdout
captured and at most 20 s of CPU time (ITIMER_PROF); a program over that gets status "slow".
"""
import io
import signal
import sys
import traceback


class Slow(BaseException):
    pass


def on_prof(signum, frame):
    raise Slow()


def run(path):
    src = open(path, encoding="utf-8").read()
    out = io.StringIO()
    ns = {"__name__": "__main__", "__builtins__": __builtins__}
    status, last = "0", ""
    old = sys.stdout
    sys.stdout = out
    signal.setitimer(signal.ITIMER_PROF, 20.0)
    try:
        exec(compile(src, path, "exec"), ns)
    except Slow:
        status = "slow"
    except SystemExit as e:
        status = str(e.code if isinstance(e.code, int) else 1)
    except BaseException as e:  # the program's uncaught exception, as the interpreter would print it
        status = "1"
        last = traceback.format_exception_only(type(e), e)[-1].strip()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        sys.stdout = old
    ns.clear()
    return status, last, out.getvalue()


def main():
    signal.signal(signal.SIGPROF, on_prof)
    sys.setrecursionlimit(1000)
    d = sys.argv[1]
    for name in sys.argv[2:]:
        status, last, out = run(f"{d}/{name}.py")
        with open(f"{d}/{name}.cpython", "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(f"{status}\0{last}\0{out}")


main()
