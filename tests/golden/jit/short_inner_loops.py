# Short loops inside a traced loop or inside a call the trace inlines are unrolled into the trace (a
# few passes of their back edge), specialised to the trip count seen while recording; the `for`
# guards exit when a list is longer or shorter, and longer loops still get their own traces.


def degree_sum(graph, n):
    total = 0
    todo = list(range(n))
    while todo:
        v = todo.pop()
        for w in graph[v % len(graph)]:  # 0 to 3 neighbours
            total += w
        for w in graph[(v + 1) % len(graph)]:
            if w > 2:
                total -= 1
    return total


g = [[1, 2], [3], [], [1, 2, 3], [4, 5, 6, 7, 8, 9, 10, 11, 12]]  # the last one is long
print(degree_sum(g, 2000))


def first_above(xs, t):
    for i, x in enumerate(xs):
        if x > t:
            return i
    return -1


def search(n):
    rows = [[1, 5, 9], [2, 3], [7], [0, 0, 0, 0, 0, 0, 0, 0, 9]]
    hits = []
    for k in range(n):
        hits.append(first_above(rows[k % 4], k % 8))
    return sum(hits), hits[-8:]


print(search(1000))


class Node:
    def __init__(self, kids):
        self.kids = kids


def count(nodes, n):
    c = 0
    for i in range(n):
        node = nodes[i % len(nodes)]
        for k in node.kids:
            c += k
            if k == 13:
                break
        else:
            c += 1000
    return c


print(count([Node([1, 2]), Node([3]), Node([13, 5]), Node([])], 1200))
