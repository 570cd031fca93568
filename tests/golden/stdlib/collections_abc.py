# collections.abc: builtin types registered with the ABCs; mixin methods of Mapping, Sequence, MutableSet.
import collections.abc as abc
from collections.abc import Sequence, Mapping, MutableMapping, Iterable, Iterator, Hashable, Sized, Callable, Set, MutableSequence
print(isinstance([], Sequence), isinstance((), Sequence), isinstance("", Sequence), isinstance({}, Mapping), isinstance({}, Sequence))
print(isinstance([], MutableSequence), isinstance((), MutableSequence), isinstance(iter([]), Iterator), isinstance([], Iterator), isinstance([], Iterable))
print(isinstance(3, Hashable), isinstance([], Hashable), isinstance(print, Callable), isinstance(len, Callable), isinstance(3, Callable))
print(isinstance(set(), Set), isinstance(frozenset(), abc.MutableSet), isinstance({}.keys(), Set), isinstance((x for x in []), abc.Generator))
class MyMap(Mapping):
    def __init__(self, d): self._d = d
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
m = MyMap({"a": 1, "b": 2})
print(m["a"], m.get("z", 0), "a" in m, list(m.keys()), list(m.items()), list(m.values()), m == {"a": 1, "b": 2}, dict(m))
class Seq(Sequence):
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
    def __len__(self): return 3
s = Seq()
print(list(s), 20 in s, s.index(20), s.count(10), list(reversed(s)))
try:
    Mapping()
except TypeError as e:
    print(e)
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), Iterator), issubclass(It, Iterable), issubclass(list, Sized))
class MS(abc.MutableSet):
    def __init__(self, it=()): self._s = set(it)
    def __contains__(self, x): return x in self._s
    def __iter__(self): return iter(self._s)
    def __len__(self): return len(self._s)
    def add(self, x): self._s.add(x)
    def discard(self, x): self._s.discard(x)
a = MS([1, 2, 3])
print(sorted(a & {2, 3, 4}), sorted(a | {9}), sorted(a - {1}), a <= {1, 2, 3, 4}, a == {1, 2, 3})
