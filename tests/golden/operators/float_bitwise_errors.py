# Bitwise operators and shifts are not defined for floats: the TypeError names
# both operands' own types.
cases = [
    lambda: 1.5 & 2,
    lambda: 2 & 1.5,
    lambda: 1.5 | 2,
    lambda: 2 ^ 1.5,
    lambda: 1.5 << 2,
    lambda: 2 >> 1.5,
    lambda: True & 1.5,
    lambda: 1.5 @ 2.0,
]
for f in cases:
    try:
        f()
    except TypeError as e:
        print(e)
x = 2.5
try:
    x &= 1
except TypeError as e:
    print(e)
