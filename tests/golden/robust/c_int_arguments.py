# Builtins whose CPython implementation takes a C int report an int outside it as OverflowError
# ("Python int too large to convert to C int"), and a non-integer as TypeError.
import sys


def show(expr):
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)


for expr in [
    "chr(2**31)",
    "chr(-2**31 - 1)",
    "chr(2**63)",
    "chr(-1)",
    "chr(0x110000)",
    "chr('a')",
    "sys.setrecursionlimit(2**31)",
    "sys.setrecursionlimit(2**64)",
    "sys.setrecursionlimit('a')",
    "sys.setrecursionlimit(1.5)",
    "sys.setrecursionlimit(0)",
]:
    show(expr)
print(sys.getrecursionlimit())
