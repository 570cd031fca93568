nums = {15, 3, 9, 27, 1}
print(sorted(nums), len(nums), sum(nums), min(nums), max(nums))
total = 0
for n in nums:
    total += n * n
print(total)
evens = set()
odds = set()
for n in range(20):
    (evens if n % 2 == 0 else odds).add(n)
print(sorted(evens), sorted(odds), evens.isdisjoint(odds), sorted(evens | odds) == list(range(20)))
names = {"bob", "alice", "carol"}
print(sorted(names), sorted(sorted(names), key=len), "bob" in names, "dave" in names)
print(sorted({"x", "y"} | {"z"}), sorted(set("banana") - set("an")))
print(len({i % 10 for i in range(1000)}), {1, 2} | set(), set() == frozenset())
