# `for x in a_list` keeps (list, index) in the loop's slots, with no iterator object, in the interpreter and
# in traces. Like CPython's list iterator it compares the index with the list's *current* length each
# step, so a loop sees the list as the body leaves it.


def total(xs):
    s = 0
    for x in xs:
        s += x
    return s


# Hot loops over lists and tuples, with an element type that changes mid-loop (int -> float -> str).
for _ in range(3):
    print(total([1, 2, 3] * 50), total(tuple(range(200))))
mixed = list(range(100)) + [0.5] * 10
print(total(mixed))
try:
    total(list(range(100)) + ["x"])
except TypeError as e:
    print("TypeError:", e)

# The body appends: the loop runs over the new elements too (until the list stops growing).
grow = [1, 2, 3]
for x in grow:
    if x < 200:
        grow.append(x * 2)
print(len(grow), grow[-3:])

# The body removes elements: the index moves on, so elements are skipped, as in CPython.
shrink = list(range(20))
seen = []
for x in shrink:
    seen.append(x)
    if x % 3 == 0:
        shrink.remove(x)
print(seen)
print(shrink)

# Clearing the list ends the loop at the next step.
stop = list(range(100))
n = 0
for x in stop:
    n += 1
    if x == 40:
        stop.clear()
print(n)

# Nested loops over the same list, and a loop over a list of lists (an n-body-like step).
rows = [[float(i), float(i + 1), float(i + 2)] for i in range(5)]
for step in range(30):
    for r in rows:
        for k in range(3):
            r[k] += 0.25
    for a in rows:
        for b in rows:
            if a is not b:
                a[0] -= b[0] * 0.001
print([round(v, 6) for v in rows[0]], [round(v, 6) for v in rows[4]])

# break and else with a list loop, and the loop variable after the loop.
for x in [5, 6, 7]:
    if x == 6:
        break
else:
    print("no break")
print(x)
for y in (1, 2):
    pass
else:
    print("else", y)

# A list subclass with its own __iter__ is not iterated by index.
class Rev(list):
    def __iter__(self):
        return iter(self[::-1])


print([v for v in Rev([1, 2, 3])])
acc = []
for v in Rev([4, 5, 6]):
    acc.append(v)
print(acc)

# Generators suspend inside list loops; the loop state lives in the generator's frame.
def pairs(xs):
    for x in xs:
        yield x, x * x


print(list(pairs([1, 2, 3])), sum(b for _, b in pairs(list(range(100)))))
