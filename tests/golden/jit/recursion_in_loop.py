# Recursion inside a hot loop: calls are inlined up to a depth, deeper recursion aborts the
# recording cleanly and runs in the interpreter.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

acc = 0
for i in range(300):
    acc += fib(i % 15)
print(acc)

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

def loop_depths(n):
    s = 0
    for i in range(n):
        s += depth(i % 12)
    return s

print(loop_depths(2000))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print([ackermann(2, k) for k in range(40)])
