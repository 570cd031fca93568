# Shifts and powers whose results cannot exist: MemoryError or OverflowError as in CPython, and the
# cases whose results stay small whatever the count.
big = 2**64
cases = [
    ('0 << 2**64', lambda: 0 << big),
    ('1 >> 2**64', lambda: 1 >> big),
    ('-1 >> 2**64', lambda: -1 >> big),
    ('3 << 10**30', lambda: 3 << 10**30),
    ('1 << 2**64', lambda: 1 << big),
    ('1 ** 2**40', lambda: 1 ** 2**40),
    ('(-1) ** (2**40 + 1)', lambda: (-1) ** (2**40 + 1)),
    ('(-1) ** 2**40', lambda: (-1) ** 2**40),
    ('0 ** 2**70', lambda: 0 ** 2**70),
]
for text, f in cases:
    try:
        print(text, '=', f())
    except (MemoryError, OverflowError) as e:
        print(text, '->', type(e).__name__, e)

import sys
sys.modules['json'] = None
try:
    import json
except ImportError as e:
    print(type(e).__name__, e)

# A float power out of range is CPython's errno-style OverflowError.
try:
    1.5 ** 10000.0
except OverflowError as e:
    print(repr(e), e.args)
