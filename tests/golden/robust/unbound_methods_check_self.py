# Methods called through their type check their first argument, as CPython's method descriptors do.
calls = [
    lambda: list.append(5, 1),
    lambda: list.sort(1),
    lambda: list.copy({}),
    lambda: list.append(),
    lambda: dict.get([], 1),
    lambda: dict.keys(1),
    lambda: dict.update(1),
    lambda: dict.pop(1, 2),
    lambda: str.upper(5),
    lambda: set.add(1, 2),
    lambda: tuple.index(1, 2),
    lambda: int.bit_length('x'),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)

# Called properly, through the type, they work (subclass instances included).
l = [3, 1]
list.append(l, 2)
list.sort(l)
print(l, dict.get({'a': 1}, 'a'))
class D(dict):
    pass
d = D(x=1)
print(dict.get(d, 'x'), list(dict.keys(d)))
