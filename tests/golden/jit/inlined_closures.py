# Closures called from hot loops are inlined (their cells are constants of the callee); exits inside
# them rebuild their frames, cells included.
def make_adder(k):
    def add(x):
        return x + k
    return add

def apply_all(f, n):
    total = 0
    for i in range(n):
        total += f(i)
    return total

print(apply_all(make_adder(3), 3000))
print(apply_all(make_adder(2.5), 3000))
print(apply_all(make_adder(9223372036854775000), 2000))

def counter():
    count = 0
    def tick(step=1):
        nonlocal count
        count += step
        return count
    return tick

t = counter()
print(apply_all(t, 2500), t(0))

def outer(n):
    scale = 2
    def inner(v):
        if v > 2900:
            return v / (3000 - v - 99)
        return v * scale
    acc = 0
    for i in range(n):
        acc += inner(i)
    return acc

try:
    print(outer(3000))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

def method_like(n):
    items = []
    def push(v):
        items.append(v * 2)
    for i in range(n):
        push(i)
    return len(items), items[-3:]

print(method_like(3000))
