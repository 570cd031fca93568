nums = [5, 2, 9, 1, 5, 6, -3, 0]
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted([]))
words = ["pear", "Fig", "apple", "kiwi", "Banana", "date"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
records = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22), ("frank", 25)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (-r[1], r[0])))
r2 = records[:]
r2.sort(key=lambda r: r[0])
r2.sort(key=lambda r: r[1])
print(r2)
print(sorted([[2, 1], [1, 2], [1, 1], [2]]))
print(sorted([1.5, -2, 3, 0.0, True]))
mixed = [(1, "b"), (1, "a"), (0, "z")]
mixed.sort()
print(mixed)
print(sorted("hello"), sorted((3, 2, 1)), sorted({3: "a", 1: "b"}))
print(sorted(range(10), key=lambda x: x % 3))
print(nums.sort() is None)
