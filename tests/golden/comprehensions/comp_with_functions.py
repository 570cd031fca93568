def square(v):
    return v * v
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True
print([square(v) for v in range(8)])
print([p for p in range(60) if is_prime(p)])
print(sum([square(v) for v in range(101)]))
print(max([len(s) for s in ["a", "abcd", "ab"]]), min([abs(v) for v in [-5, 3, -1]]))
print(any([is_prime(v) for v in [4, 6, 8]]), all([is_prime(v) for v in [2, 3, 5]]))
print(sorted([(-len(w), w) for w in ["bb", "a", "ccc", "dd"]]))
print("".join([chr(ord(c) + 1) for c in "HAL"]))
print(dict([(str(i), i) for i in range(3)]), list(map(square, [1, 2])))
