# Floor division of big ints whose quotient is small (a spigot's digit extraction) is computed from
# the operands' top bits plus at most three corrections. Signs, exact multiples and boundary divisors.
def check(a, b):
    out = []
    for sa in (1, -1):
        for sb in (1, -1):
            x, y = sa * a, sb * b
            q, r = x // y, x % y
            assert divmod(x, y) == (q, r) and q * y + r == x
            out.append((q, r % 1000003))
    return out

b = 3**200
print(check(7 * b + 5, b))
print(check(7 * b, b))
print(check(b - 1, b), check(b, b), check(b + 1, b))
for bits in (65, 128, 129, 4000):
    for qbits in (1, 30, 61, 62, 63, 64, 100):
        b = (1 << bits) - 1
        a = ((1 << qbits) - 1) * b + (b >> 1)
        print(bits, qbits, check(a, b)[:2], check(a, 1 << (bits - 1))[3])
# pi's digits by the spigot: every step divides numbers of thousands of bits.
q, r, t, k, digits = 1, 0, 1, 1, []
while len(digits) < 600:
    d3, d4 = (3 * q + r) // t, (4 * q + r) // t
    if d3 == d4:
        digits.append(d3)
        q, r = 10 * q, 10 * (r - d3 * t)
    else:
        q, r, t, k = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1), k + 1
print("".join(map(str, digits)))
