def minmax(seq):
    return min(seq), max(seq)
def divmod_pair(a, b):
    return a // b, a % b
r = minmax([4, 1, 9, 3])
print(r, type(r).__name__)
lo, hi = minmax([4, 1, 9, 3])
print(lo, hi)
q, rem = divmod_pair(17, 5)
print(q, rem)
pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, word in pairs:
    print(num, word)
nums, words = zip(*pairs)
print(nums, words)
def stats(*args):
    return len(args), sum(args), args
print(stats(1, 2, 3), stats())
t = 1, 2
t2 = (t, 3)
print(t2, t2[0][1])
