# Tuples built and unpacked at once (swaps through subscripts) stay virtual; slices of lists and
# tuples are helper calls whose exits resume at the slice construction.
def reverse_in_place(xs):
    i = 0
    j = len(xs) - 1
    while i < j:
        xs[i], xs[j] = xs[j], xs[i]
        i += 1
        j -= 1
    return xs

print(reverse_in_place(list(range(3001)))[:5])
print(reverse_in_place([0.5, "a", None, True] * 300)[:6])

def rotations(xs, n):
    total = 0
    for k in range(n):
        ys = xs[k % len(xs):] + xs[:k % len(xs)]
        total += ys[0] * k
    return total

print(rotations(list(range(50)), 3000))

def windows(t, w):
    acc = 0
    for i in range(len(t) - w):
        acc += sum(t[i:i + w])
    return acc

print(windows(tuple(range(400)), 7))

def clamp_slices(xs):
    out = 0
    for i in range(-60, 60):
        out += len(xs[i:]) - len(xs[:i]) + len(xs[i:i + 3])
    return out

print(clamp_slices(list(range(40))))

def fib_pairs(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a % 1000000007, b % 1000000007

print(fib_pairs(2000))

def swap_types(n):
    a, b = 1, 2.5
    for i in range(n):
        a, b = b, a
        if i == n // 2:
            a = "s"
    return a, b

print(swap_types(2001))

def bad_slices(xs):
    try:
        for i in range(2000):
            xs[i:i + 1]
        return xs[1.5:]
    except TypeError as e:
        return "TypeError: " + str(e)

print(bad_slices(list(range(10))))
