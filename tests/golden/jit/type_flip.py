# A value whose type flips mid-loop: int -> float -> str, and back. Every flip leaves the trace
# through a guard; the interpreter must continue with exactly the right state.
def accumulate(n):
    x = 0
    out = []
    for i in range(n):
        if i == 300:
            x = float(x)
        if i == 600:
            out.append(x)
            x = "s"
        if i == 700:
            x = 0
        if isinstance(x, str):
            x = x + "t" if len(x) < 5 else "s"
        else:
            x = x + i * 2
    out.append(x)
    return out

print(accumulate(1000))


def mixed(values):
    total = 0
    for v in values:
        total = total + v
    return total

print(mixed([1, 2, 3] * 200 + [0.5] * 100 + [True, False] * 50))
print(mixed([1.5] * 300 + [2] * 300))


def flip_local(n):
    acc = 0
    y = 1
    for i in range(n):
        if i % 250 == 249:
            y = 1.5 if isinstance(y, int) else 1
        acc = acc + y
    return acc

print(flip_local(2000))
