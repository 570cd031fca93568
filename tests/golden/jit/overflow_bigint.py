# i64 overflow mid-loop: the trace exits before the overflowing op, the interpreter redoes it with
# bigints, and later iterations work on bigints (and shrink back).
def grow(n):
    x = 1
    for i in range(n):
        x = x * 3 + i
    return x

print(grow(100))
print(grow(1000) % 1000000007)


def sum_squares(n, start):
    s = start
    for i in range(n):
        s += i * i
    return s

print(sum_squares(3000, 9223372036854775807 - 10000000))
print(sum_squares(3000, -9223372036854775807))


def shrink(n):
    x = 2 ** 64 + 5000
    steps = 0
    while x > 0:
        x -= 2 ** 60
        steps += 1
        if steps > n:
            break
    return x, steps

print(shrink(100))


def neg_overflow(n):
    vals = []
    m = -9223372036854775807 + n
    for i in range(2 * n):
        m -= 1
        vals.append(-m)
    return vals[-3:], m

print(neg_overflow(500))


def shifts(n):
    out = 0
    for i in range(n):
        out ^= (i << (i % 70)) >> 3
    return out

print(shifts(1000))
