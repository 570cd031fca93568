# Iterating sets: order after removals, "Set changed size during iteration", iterators continuing over
# a table that changed without changing size, pop's finger.

s = set(range(0, 40, 3))
for x in [0, 9, 18, 27]:
    s.remove(x)
print(list(s))
it = iter(s)
print(next(it), next(it))
s.add(1000)
s.discard(1000)
print(list(it))

s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
print(s)

s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("RuntimeError:", e)
print(s)

s = set(range(10))
it = iter(s)
next(it)
s.pop()
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    next(it)
except RuntimeError as e:
    print("again:", e)
s.add(99)
try:
    print(next(it))
except RuntimeError as e:
    print("still:", e)

# an exhausted iterator stays exhausted
s = {1, 2}
it = iter(s)
print(list(it))
s.add(3)
print(list(it))

# iterating while replacing an element (same size)
s = set(range(0, 64, 8))
seen = []
for x in s:
    seen.append(x)
    if x == 8:
        s.discard(16)
        s.add(17)
print(seen, s)

# pop finger
s = set(range(0, 50, 5))
print([s.pop() for _ in range(3)], s)
s.add(0)
s.add(1)
print(s.pop(), s.pop(), s)
s.clear()
s.update([1, 2, 3, 4])
print(s.pop(), s)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError:", e)

# set type of iterators
print(type(iter({1})).__name__, type(iter(frozenset({1}))).__name__)
print(len({1, 2, 3}), bool(set()), bool({0}), 2 in {1, 2}, [] == list(set()))
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    set([1, [2]])
except TypeError as e:
    print("TypeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
s = {1}
try:
    s.update([2, 3, [4], 5])
except TypeError as e:
    print("TypeError:", e, s)
