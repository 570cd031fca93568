# Rich comparisons swap sides (< with >, <= with >=); a subclass's reflected method goes first.
class V:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        print("V.__lt__")
        return self.n < other.n
    def __eq__(self, other):
        print("V.__eq__")
        return isinstance(other, V) and self.n == other.n
class W(V):
    def __gt__(self, other):
        print("W.__gt__")
        return self.n > other.n
print(V(1) < V(2))
print(V(1) > V(2))
print(V(1) < W(2))
print(V(1) == 1, V(1) != V(1))
try:
    V(1) <= V(2)
except TypeError as e:
    print("TypeError:", e)
