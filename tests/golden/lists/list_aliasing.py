a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
a.append(4)
print(a, b, c, d)
grid = [[0] * 2] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 2 for _ in range(3)]
grid[0][0] = 1
print(grid)
def mutate(lst):
    lst.append("mutated")
    lst = ["rebound"]
    return lst
orig = [0]
ret = mutate(orig)
print(orig, ret)
outer = [[1], [2]]
shallow = outer.copy()
shallow[0].append(99)
shallow[1] = ["new"]
print(outer, shallow)
self_ref = [1, 2]
self_ref.append(self_ref)
print(self_ref, len(self_ref), self_ref[2] is self_ref)
