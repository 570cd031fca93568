# OverflowError where CPython raises it.
import math, time
cases = [
    ("float pow", lambda: 2.0 ** 10000),
    ("int to float", lambda: float(10**400)),
    ("true division", lambda: 10**400 / 3),
    ("math.exp", lambda: math.exp(1000)),
    ("float to int", lambda: int(float("inf"))),
    ("range len", lambda: len(range(10**20))),
    ("index", lambda: [1, 2][10**20]),
    ("expandtabs", lambda: "a\tb".expandtabs(10**11)),
    ("sleep inf", lambda: time.sleep(float("inf"))),
    ("sleep big int", lambda: time.sleep(10**30)),
    ("sleep nan", lambda: time.sleep(float("nan"))),
    ("float mul", lambda: 1e308 * 10),
    ("str of huge int", lambda: str(10**5000)),
]
for name, f in cases:
    try:
        print(name, f())
    except (OverflowError, ValueError, IndexError) as e:
        print(name, type(e).__name__, e)
