# `in` falls back to __iter__, then to __getitem__ with 0, 1, 2...
class ByIter:
    def __iter__(self):
        return iter([1, 2, 3])
class ByIndex:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(2 in ByIter(), 5 in ByIter(), 30 in ByIndex(), 35 in ByIndex())
print(list(ByIndex()), max(ByIter()))
class No:
    pass
try:
    1 in No()
except TypeError as e:
    print("TypeError:", e)
