# functools.total_ordering fills in the other comparisons from __eq__ and __lt__.
import functools
@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9)]
print(sorted(vs), max(vs))
print(Version(1) <= Version(1), Version(2) >= Version(1, 9), Version(1) > Version(1))
