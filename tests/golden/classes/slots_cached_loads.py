# `__slots__` members are read through the attribute caches and traces; an unset member still raises.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
ps = [P(i) for i in range(5)]
t = 0
for _ in range(3000):
    for p in ps:
        t += p.x
print(t)
q = P(1)
del q.x
for i in range(3):
    try:
        print(q.x)
    except AttributeError as e:
        print("AE", e)
    try:
        print(q.y)
    except AttributeError as e:
        print("AE", e)
q.x = 5
print(q.x)
