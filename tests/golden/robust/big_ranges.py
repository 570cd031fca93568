# range objects with bounds or lengths beyond 64 bits behave as in CPython: indexing, slicing,
# membership, equality and hashing work with any int; only len() is limited (OverflowError).

r = range(2**64)
print(r, r[-1], r[2**63], r.start, r.stop, r.step)
print(r[::2][-1], r[2**63:][:3], r[::-1][0])
print(2**63 in r, 2**64 in r, -1 in r, r.index(2**63), r.count(2**63), bool(r))
try:
    len(r)
except OverflowError as e:
    print("OverflowError:", e)
try:
    list(r)
except OverflowError as e:
    print("OverflowError:", e)
try:
    r[2**64]
except IndexError as e:
    print("IndexError:", e)

# A big range with few items iterates, reverses and compares like any other.
b = range(2**64, 2**64 + 30, 7)
print(list(b), list(reversed(b)), len(b), sum(b) - 5 * 2**64)
print(b[1:3], b[1:3] == range(2**64 + 7, 2**64 + 21, 7), list(zip(b, "ab")))

# Slicing a small range with huge slice bounds or steps.
print(range(10)[::2**64], range(10)[::-2**64], range(10)[2**64:], range(10)[-2**64:])
print(list(range(10)[-2**64::-2**63]), range(10)[2**64:] == range(0))

# A range whose bounds fit 64 bits but whose length does not.
w = range(-2**63, 2**63 - 1)
print(w[-1], 5 in w, w[::2**62])
# Iterating stops at the last value even when the next step would pass 2**63.
print(list(iter(range(0, 2**63 - 1, 2**62))), list(iter(range(-5, -2**63 - 1, -2**62))))
print([i for i in range(2**63 - 3, 2**63 - 1)], sum(1 for _ in iter(range(2**63 - 4, 2**63, 3))))

# Equal ranges hash alike, so they find each other as dict keys.
print(hash(range(3)) == hash(range(0, 3, 1)), hash(range(2**64, 2**64)) == hash(range(0)))
print({range(3): "found"}[range(0, 3)], range(5, 6, 3) == range(5, 7, 9))


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(range(Index(2), Index(2**70))[Index(1)], range(10)[Index(1):Index(5)])
for bad in ("a", 1.5):
    try:
        range(10)[bad]
    except TypeError as e:
        print("TypeError:", e)
