# Subclasses of list: inherited methods and protocols act on the list; new methods, super().__init__,
# list.__repr__(self), unhashability and cycles through the list are collected.
class MyList(list):
    def sum(self):
        return sum(self)
    def push(self, x):
        self.append(x)
        return self

l = MyList([3, 1, 2])
l.push(5).push(4)
print(l, len(l), l[0], l[-1], l[1:3], l.sum(), type(l).__name__, isinstance(l, list))
l.sort(); print(l, sorted(l, reverse=True), 5 in l, 9 in l, list(reversed(l)))
l[0] = 10; del l[1]; print(l, l + [1], [0] + l, l * 2, bool(l), bool(MyList()))
print(l == [10, 3, 4, 5], l != [1], MyList([1]) < MyList([2]))
list.append(l, 99); print(l, l.count(99), l.index(99))
for x in MyList("ab"): print(x, end=" ")
print()

class Stack(list):
    def __init__(self, name, *items):
        super().__init__(items)
        self.name = name
    def __repr__(self):
        return f"Stack({self.name}: {list.__repr__(self)})"
s = Stack("s", 1, 2, 3)
print(s, str(s), s.name, len(s), s.pop(), s)

try:
    class B(bool): pass
except TypeError as e:
    print(e)
try:
    class X(int, str): pass
except TypeError as e:
    print(e)
class MyExc(Exception): pass
class L2(MyList): pass
print(L2([1]).sum(), L2.__mro__)
import gc
class Node(list): pass
for i in range(100):
    n1 = Node(); n1.append(n1)
print(gc.collect() >= 0)
