# heapq: the heap invariant, push/pop order, heapify/heapreplace/heappushpop.
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])

data = [9, 1, 8, 2, 7, 3, 6, 4, 5, 0]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 10), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 11), data)
print(heapq.heappushpop([], 4))

# Tuples: priority queues with tie-breaking by the second field.
tasks = []
for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee"), (3, "test")]:
    heapq.heappush(tasks, (prio, name))
while tasks:
    print(heapq.heappop(tasks))

# Strings and floats.
words = ["pear", "apple", "fig", "banana", "cherry"]
heapq.heapify(words)
print([heapq.heappop(words) for _ in range(5)])
fl = [2.5, -1.0, 3.25, 0.0]
heapq.heapify(fl)
print(heapq.heappop(fl), fl)

# Heapsort of a larger pseudo-random list matches sorted().
seq = [(i * 7919) % 1009 for i in range(500)]
h = list(seq)
heapq.heapify(h)
out = [heapq.heappop(h) for _ in range(len(h))]
print(out == sorted(seq), out[:8])

# Objects with only __lt__.
class Job:
    def __init__(self, p, name):
        self.p, self.name = p, name
    def __lt__(self, other):
        return self.p < other.p
    def __repr__(self):
        return f"Job({self.p}, {self.name!r})"

jobs = [Job(4, "d"), Job(1, "a"), Job(3, "c"), Job(2, "b")]
heapq.heapify(jobs)
print(heapq.heappop(jobs), heapq.heappop(jobs), jobs)

# Max-heap helpers used by nlargest.
m = [3, 1, 4, 1, 5, 9, 2, 6]
heapq._heapify_max(m)
print(m[0], heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m[0])
