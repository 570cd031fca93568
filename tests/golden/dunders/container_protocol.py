# __getitem__ (with slices), __setitem__, __delitem__, __len__, __contains__.
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        return self.cells.get(key, 0)
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __len__(self):
        return len(self.cells)
    def __contains__(self, key):
        return key in self.cells
g = Grid()
g[1, 2] = 5
g[0, 0] = 1
print(g[1, 2], g[9, 9], len(g), (1, 2) in g, (3, 3) in g)
print(g[1:5], g[::2], g[:])
del g[0, 0]
print(len(g))
try:
    del g[7, 7]
except KeyError as e:
    print("KeyError:", e)
