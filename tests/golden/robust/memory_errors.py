# Absurd allocations raise MemoryError (catchable) instead of crashing the process.
cases = [
    lambda: [0] * 10**12,
    lambda: [None, None] * 2**62,
    lambda: (1,) * 10**11,
    lambda: "x" * 10**15,
    lambda: b"ab" * 10**13,
    lambda: bytes(10**13),
    lambda: "x".ljust(10**13),
    lambda: "x".rjust(10**13, "*"),
    lambda: "x".center(10**13),
    lambda: "7".zfill(10**13),
    lambda: 1 << (2**40),
]
for i, f in enumerate(cases):
    try:
        f()
        print(i, "no error")
    except MemoryError as e:
        print(i, "MemoryError", repr(e))
print("still alive")
x = [0] * 10**12
