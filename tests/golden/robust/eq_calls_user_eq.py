# Container equality compares items with their class's __eq__ (at any depth), and a class that defines
# __eq__ without __hash__ is unhashable, with `C.__hash__` None.
class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("  P.__eq__", self.v, other.v if isinstance(other, P) else other)
        return isinstance(other, P) and self.v == other.v

print([P(1)] == [P(1)])
print([P(1)] == [P(2)])
print((1, [P(3)]) == (1, [P(3)]))
print({"a": P(4)} == {"a": P(4)})
print([P(5)] != [P(5)])
print([1, [2, (3, P(6))]] == [1, [2, (3, P(6))]])
print(P(7) in [P(0), P(7)])
print([P(1)] == [1])
print(P.__hash__)
try:
    {P(1)}
except TypeError as e:
    print("TypeError:", e)

class H(P):
    def __hash__(self):
        return hash(self.v)
print({H(1): "one"}[H(1)])

# Mixed numbers compare by value inside containers.
print([1, 2.0, True] == [1.0, 2, 1], (1, 2) == (1.0, 2.0), {1: 2} == {1.0: 2.0})
