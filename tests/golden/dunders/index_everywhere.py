# An object with __index__ can stand for an int wherever Python needs an integer index or count.
import types


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(bin(Idx(10)), hex(Idx(255)), oct(Idx(8)), bin(Idx(-3)))
print(list(range(Idx(3))), list(range(Idx(1), Idx(9), Idx(3))))
lst = [10, 20, 30, 40]
print(lst.pop(Idx(1)), lst)
lst.insert(Idx(0), 5)
print(lst)
print(lst[Idx(1):Idx(3)], lst[::Idx(2)], (1, 2, 3, 4)[Idx(1):], "abcdef"[Idx(1):Idx(5):Idx(2)])
print("abc"[Idx(2)], b"xyz"[Idx(0)], range(10)[Idx(4)], [7, 8, 9][Idx(-1)])
print("ab" * Idx(3), Idx(2) * "cd", [0] * Idx(3), Idx(2) * (1,), b"z" * Idx(2))
lst[Idx(0):Idx(2)] = ["a", "b", "c"]
print(lst)
del lst[Idx(1):Idx(3)]
print(lst)
try:
    "abc"[Idx(1.5) if False else object()]
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2][Idx(0):"x"]
except TypeError as e:
    print("TypeError:", e)
m = types.ModuleType("made")
print(m, m.__name__)
