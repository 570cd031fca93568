# Deep Python recursion is a RecursionError (no Rust recursion), catchable, and the interpreter keeps
# working afterwards; raising the limit allows deeper recursion.
import sys

def down(n):
    return 0 if n == 0 else 1 + down(n - 1)

try:
    down(10**6)
except RecursionError as e:
    print("RecursionError:", e)
print(down(500))
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError:
    # (CPython's message here depends on which of its recursion checks trips first.)
    print("repr: RecursionError")
sys.setrecursionlimit(20000)
print(down(15000))

def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", e)

down(10**6)
