# Generator expressions evaluate the first iterable immediately and the rest lazily.
x = [1, 2, 3]
g = (i * 10 for i in x)
x = [7]
print(list(g))
def source():
    print("source evaluated")
    return [1, 2]
g2 = (a + b for a in source() for b in range(2))
print("created")
print(list(g2))
print(sum(i for i in range(5)), max((c for c in "hello"), key=ord))
class C:
    n = 3
    vals = [i for i in range(n)]
print(C.vals)
