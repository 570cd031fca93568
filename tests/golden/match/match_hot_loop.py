# A match statement inside a hot loop (traced by the JIT when it becomes hot).
class Add:
    __match_args__ = ("n",)
    def __init__(self, n):
        self.n = n

ops = [Add(1), ("mul", 2), {"sub": 1}, 3, "noop", [1, 2]] * 500
acc = 0
counts = {}
for op in ops:
    match op:
        case Add(n):
            acc += n
            kind = "add"
        case ("mul", k):
            acc = (acc * k) % 1000003
            kind = "mul"
        case {"sub": k}:
            acc -= k
            kind = "sub"
        case int(v) if v > 2:
            acc ^= v
            kind = "xor"
        case [a, b]:
            acc += a * b
            kind = "pair"
        case _:
            kind = "other"
    counts[kind] = counts.get(kind, 0) + 1
print(acc)
print(counts)

total = 0
for i in range(3000):
    match i % 4:
        case 0:
            total += 1
        case 1 | 2:
            total += 2
        case _:
            total -= 1
print(total)
