"""Which attributes of the builtin types pvm lacks: run with CPython 3.11.

    python3 tests/tools/type_gaps.py [path/to/pvm]

CPython's `dir(T)` is the reference; for each name a generated probe script asks pvm `hasattr(T, name)`
(pvm's `dir` may be incomplete, so it is not trusted).
"""
import os
import subprocess
import sys
import tempfile

TYPES = ["str", "bytes", "bytearray", "memoryview", "list", "tuple", "dict", "set", "frozenset",
         "int", "float", "bool", "complex", "range", "slice", "object", "type"]


def main():
    pvm = sys.argv[1] if len(sys.argv) > 1 else "target/release/pvm"
    ref = {name: sorted(dir(getattr(__builtins__, name))) for name in TYPES}
    lines = []
    for name, attrs in ref.items():
        lines.append("try:\n    T = %s\nexcept NameError:\n    T = None\n" % name)
        lines.append("if T is None:\n    print(%r, 'MISSING')\nelse:\n" % name)
        lines.append("    miss = [a for a in %r if not hasattr(T, a)]\n" % (attrs,))
        lines.append("    print(%r, len(miss), ' '.join(miss))\n" % name)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write("".join(lines))
    try:
        out = subprocess.run([pvm, f.name], capture_output=True, text=True, timeout=60)
    finally:
        os.unlink(f.name)
    sys.stdout.write(out.stdout)
    if out.returncode:
        sys.stdout.write(out.stderr)


main()
