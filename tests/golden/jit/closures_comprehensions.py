# Comprehensions (their own loops, reading free variables from cells and appending) and closures
# (cells read and written in hot loops), with element types that change between runs.
def scaled(xs, k):
    return [x * k for x in xs]

print(sum(scaled(list(range(3000)), 3)))
print(sum(scaled([0.5] * 3000, 2.5)))
print(scaled([1, 2.5, True, 4] * 500, 2)[:8])

def squares_upto(n):
    return [i * i for i in range(n) if i % 3]

print(len(squares_upto(3000)), squares_upto(3000)[-3:])

def counter(n):
    count = 0
    def bump(by):
        nonlocal count
        count += by
        return count
    last = 0
    for i in range(n):
        last = bump(i % 4)
    return count, last

print(counter(3000))

def shadowing(n):
    acc = []
    base = 10
    for i in range(n):
        acc.append([base + j for j in range(3)][i % 3])
        if i == 1500:
            base = 10.5
    return sum(acc), acc[1499:1503]

print(shadowing(3000))

def nested_cells(n):
    total = 0
    def outer(a):
        def inner(b):
            return a * b
        return inner(a + 1)
    for i in range(n):
        total += outer(i)
    return total

print(nested_cells(2000))

def unbound_cell(n):
    out = []
    for i in range(n):
        out.append(i)
    def later():
        return value
    try:
        return later()
    except NameError as e:
        return str(e)
    value = 1

print(unbound_cell(1500))
