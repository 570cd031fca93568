# heapq.merge / nlargest / nsmallest, including stability and keys.
import heapq

print(list(heapq.merge([1, 3, 5], [2, 4, 6], [0, 7])))
print(list(heapq.merge([5, 3, 1], [6, 4, 2], reverse=True)))
print(list(heapq.merge(["a", "bb", "ccc"], ["x", "yy"], key=len)))
print(list(heapq.merge()), list(heapq.merge([], [1], [])))
# Stability: equal keys come from earlier inputs first.
left = [(1, "L1"), (2, "L2"), (2, "L3")]
right = [(1, "R1"), (2, "R2")]
print(list(heapq.merge(left, right, key=lambda t: t[0])))
g = heapq.merge(iter([1, 4]), iter([2, 3]))
print(type(g).__name__, next(g), list(g))

data = [5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
for n in [0, 1, 2, 3, 5, 20]:
    print(n, heapq.nsmallest(n, data), heapq.nlargest(n, data))
print(heapq.nsmallest(3, iter(data)), heapq.nlargest(3, iter(data)))
print(heapq.nsmallest(3, data, key=lambda x: -x))
words = ["bb", "a", "ccc", "dd", "e", "ff", "ggg"]
# Ties keep input order, as sorted() does.
print(heapq.nlargest(4, words, key=len), sorted(words, key=len, reverse=True)[:4])
print(heapq.nsmallest(4, iter(words), key=len), sorted(words, key=len)[:4])
print(heapq.nlargest(2, []), heapq.nsmallest(1, []), heapq.nsmallest(1, [], key=len))
recs = [{"name": "x", "score": 3}, {"name": "y", "score": 9}, {"name": "z", "score": 9}]
print([r["name"] for r in heapq.nlargest(2, recs, key=lambda r: r["score"])])
