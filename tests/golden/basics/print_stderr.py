import sys
print("to stdout 1")
print("to stderr", file=sys.stderr)
print("to stdout 2", flush=True)
print("last stderr line", 42, file=sys.stderr, flush=True)
print("done", file=sys.stdout)
