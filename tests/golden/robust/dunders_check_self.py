# Special methods called through their type check their receiver. CPython words it two ways: slot
# wrappers (__add__, __len__, ...) "require" a type, plain methods (dict.__getitem__, float.__round__)
# "don't apply" to the wrong one.
calls = [
    lambda: int.__add__("a", 1),
    lambda: list.__len__(1),
    lambda: str.__len__(1),
    lambda: float.__mul__(1, 2.0),
    lambda: tuple.__len__([]),
    lambda: bool.__and__(1, 1),
    lambda: int.__hash__("a"),
    lambda: list.__setitem__((1,), 0, 1),
    lambda: set.__len__(frozenset()),
    lambda: int.__add__(),
    # plain methods in CPython's method tables
    lambda: dict.__getitem__([], 1),
    lambda: list.__getitem__((), 0),
    lambda: set.__contains__([], 1),
    lambda: frozenset.__contains__(set(), 1),
    lambda: list.__reversed__(()),
    lambda: dict.__contains__([], 1),
    lambda: float.__round__(1),
    lambda: int.__format__(1.5, ""),
    lambda: str.__format__(1, ""),
    lambda: int.__trunc__(1.5),
    lambda: tuple.__getnewargs__([]),
    lambda: range.__reversed__([]),
    lambda: dict.__getitem__(),
    lambda: float.__floor__(),
]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print(e)

# With the right receiver (or a subclass instance) they work.
class L(list):
    pass
print(int.__add__(True, 1), list.__len__(L([1, 2])), dict.__getitem__({"k": 3}, "k"))
print(float.__round__(2.5), list.__reversed__(L([1, 2])).__next__(), set.__contains__({1}, 1))
