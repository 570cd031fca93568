#!/usr/bin/env python3
"""Regenerate golden expectations from CPython 3.11.

Usage:
    python3 tests/bless.py                      # every tests/golden/**/*.py
    python3 tests/bless.py tests/golden/ints    # a directory
    python3 tests/bless.py 'tests/golden/*/div*.py' tests/golden/basics/hello.py

Each program is run exactly the way tests/golden.rs runs pvm: with the
program's directory as cwd and the bare file name as the argument, stdin from
NAME.stdin if it exists (otherwise /dev/null), PYTHONHASHSEED=0, -B.

Writes next to each program:
    NAME.out   exact stdout (always written, may be empty)
    NAME.err   last non-empty line of stderr (only if stderr is non-empty)
    NAME.code  exit status (only if non-zero)
    NAME.stderr  the whole stderr, for programs marked '# golden: full stderr'
and deletes a stale .err / .code that no longer applies.

Options:
    --python EXE   interpreter to use (default: python3; must be 3.11)
    --check        do not write; report programs whose expectations differ
    --timeout S    per-program timeout in seconds (default 60)
    --slow S       warn about programs slower than S seconds (default 0.5)
"""

import argparse
import glob
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden")


def find_programs(args):
    if not args:
        args = [GOLDEN]
    found = []
    for a in args:
        matches = glob.glob(a, recursive=True) if any(c in a for c in "*?[") else [a]
        if not matches:
            sys.exit(f"bless: no match for {a!r}")
        for m in matches:
            if os.path.isdir(m):
                for root, _dirs, files in os.walk(m):
                    for f in files:
                        if f.endswith(".py"):
                            found.append(os.path.join(root, f))
            elif m.endswith(".py") and os.path.isfile(m):
                found.append(m)
            elif os.path.isfile(m[:-len(os.path.splitext(m)[1])] + ".py"):
                # e.g. an expectation file was given: bless its program
                found.append(m[:-len(os.path.splitext(m)[1])] + ".py")
            else:
                sys.exit(f"bless: not a .py program or directory: {m!r}")
    return sorted(set(os.path.abspath(p) for p in found if is_program(os.path.abspath(p))))


def is_program(path):
    """Programs are GOLDEN/<area>/<name>.py with a name not starting with '_'; other .py files are the
    modules and packages that programs import."""
    area = os.path.dirname(path)
    return os.path.dirname(area) == GOLDEN and not os.path.basename(path).startswith("_")


FULL_STDERR_MARK = "# golden: full stderr"


def wants_full_stderr(program):
    """A program with the line '# golden: full stderr' among its first 5 lines has its whole stderr
    recorded in NAME.stderr (tracebacks with their source and caret lines), with its directory written
    as {DIR}."""
    with open(program, encoding="utf-8") as fh:
        head = [fh.readline().strip() for _ in range(5)]
    return FULL_STDERR_MARK in head


def last_nonempty_line(text):
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.strip()
    return None


def run(python, program, timeout):
    d, f = os.path.split(program)
    base = program[:-3]
    stdin_path = base + ".stdin"
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUTF8"] = "1"
    for k in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS", "PYTHONINSPECT"):
        env.pop(k, None)
    stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
    try:
        t0 = time.monotonic()
        p = subprocess.run(
            [python, "-B", f],
            cwd=d,
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            timeout=timeout,
        )
        elapsed = time.monotonic() - t0
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    return p, elapsed


def write_or_remove(path, content, check, changed):
    """content=None means the file must not exist."""
    old = None
    if os.path.exists(path):
        with open(path, "rb") as fh:
            old = fh.read()
    if old == content:
        return
    changed.append(os.path.relpath(path, os.path.dirname(HERE)))
    if check:
        return
    if content is None:
        os.remove(path)
    else:
        with open(path, "wb") as fh:
            fh.write(content)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--slow", type=float, default=0.5)
    opts = ap.parse_args()

    ver = subprocess.run(
        [opts.python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
        stdout=subprocess.PIPE, text=True, check=True,
    ).stdout.strip()
    if not ver.startswith("3.11."):
        sys.exit(f"bless: {opts.python} is Python {ver}; expectations must come from CPython 3.11")

    programs = find_programs(opts.paths)
    changed = []
    slow = []
    notes = []
    failures = 0
    for prog in programs:
        rel = os.path.relpath(prog, GOLDEN)
        try:
            p, elapsed = run(opts.python, prog, opts.timeout)
        except subprocess.TimeoutExpired:
            print(f"bless: TIMEOUT {rel}", file=sys.stderr)
            failures += 1
            continue
        if elapsed > opts.slow:
            slow.append((elapsed, rel))
        base = prog[:-3]
        stderr = p.stderr.decode("utf-8", "replace")
        last = last_nonempty_line(stderr)
        if p.returncode == 0 and last is not None:
            notes.append(f"{rel}: exit 0 but wrote to stderr (warning?): {last}")
        write_or_remove(base + ".out", p.stdout, opts.check, changed)
        write_or_remove(base + ".err", None if last is None else (last + "\n").encode(), opts.check, changed)
        full = stderr.replace(os.path.dirname(prog), "{DIR}").encode() if wants_full_stderr(prog) else None
        write_or_remove(base + ".stderr", full, opts.check, changed)
        write_or_remove(base + ".code", None if p.returncode == 0 else f"{p.returncode}\n".encode(), opts.check, changed)

    for elapsed, rel in sorted(slow, reverse=True):
        print(f"bless: slow ({elapsed:.2f}s): {rel}", file=sys.stderr)
    for n in notes:
        print(f"bless: note: {n}", file=sys.stderr)
    verb = "differ" if opts.check else "updated"
    for c in changed:
        print(f"{verb}: {c}")
    print(f"bless: {len(programs)} programs, {len(changed)} expectation files {verb} (CPython {ver})")
    if failures or (opts.check and changed):
        sys.exit(1)


if __name__ == "__main__":
    main()
