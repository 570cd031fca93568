x = "outer"
result = [x for x in range(3)]
print(result, x)
n = 10
print([n * i for i in range(3)])
def f():
    k = 3
    return [k * j for j in range(4)]
print(f())
def g():
    items = [1, 2, 3]
    return {i: [i * m for m in items] for i in items}
print(g())
fs = [lambda: i for i in range(3)]
print([fn() for fn in fs])
y = 5
print([y for _ in range(2)], [[y + z for z in range(2)] for y in range(2)], y)
class_like = {"scale": 2}
print([v * class_like["scale"] for v in [1, 2, 3]])
