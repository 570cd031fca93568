# Ints that outgrow i64 but fit 128 bits stay unboxed in traces ("wide" values); every way out of the
# trace must still see exact Python ints.


def sum_squares(n, start):
    # The accumulator starts beyond i64: it is unboxed once and carried in registers.
    s = start
    for i in range(n):
        s += i * i
    return s


def countdown(n, start, step):
    # Subtraction that brings a wide value back into i64 range: the result is a plain int again.
    s = start
    out = []
    for i in range(n):
        s -= step
        if i % 50 == 0:
            out.append(s)
    return s, out


def past_128_bits(n):
    # Doubling-ish growth leaves 128 bits mid-loop: the guard exits and bigints take over.
    s = 2 ** 100
    for i in range(n):
        s += s // 3 + i
    return s


def used_as_object(n):
    # A wide value used by anything but + and - is boxed where it is used.
    s = 2 ** 70
    seen = []
    for i in range(n):
        s += i
        t = s  # a plain move keeps it unboxed
        seen.append(t)
        if i % 100 == 0:
            seen.append(s % 7)
    return s, len(seen), seen[:5], seen[-3:]


def mixed_signs(n):
    s = -(2 ** 90)
    big = 2 ** 63
    minus = -(2 ** 62)
    for i in range(n):
        s += big + i
        s -= minus
    return s


print(sum_squares(3000, 2 ** 64))
print(sum_squares(3000, -(2 ** 100)))
print(countdown(400, 2 ** 63 + 20000, 100))
print(past_128_bits(300))
print(used_as_object(300))
print(mixed_signs(500))
print(sum_squares(10 ** 5, 0))
