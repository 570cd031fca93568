# Work-list loops in traces: `while todo:` (truth of a list), `todo.pop()` (typed by the element
# popped while recording; another type exits), list displays `[a, b]` (a helper allocates, appends
# fill), and instances popped from the list.


class Task:
    def __init__(self, cost, children):
        self.cost = cost
        self.children = children


def total_cost(root):
    todo = [root]
    s = 0
    while todo:
        t = todo.pop()
        s += t.cost
        for c in t.children:
            todo.append(c)
    return s


def tree(depth):
    if depth == 0:
        return Task(1, [])
    return Task(depth, [tree(depth - 1), tree(depth - 1)])


print(total_cost(tree(8)))


def mixed(n):
    # The popped element's type changes: int, float, None, str, an instance.
    out = []
    for k in range(n):
        todo = [k, 0.5, None, "s", Task(k, [])]
        while todo:
            x = todo.pop()
            if x is None:
                out.append("none")
            elif isinstance(x, Task):
                out.append(x.cost)
            else:
                out.append(x)
    return out[-10:]


print(mixed(30))


def drain(n):
    # pop() on an empty list raises IndexError from inside the loop.
    items = [1] * n
    got = 0
    try:
        while True:
            got += items.pop()
    except IndexError as e:
        print("IndexError:", e, got)


drain(50)


def pairs(n):
    # Many short-lived lists: the trace's nursery fills and empties.
    acc = 0
    for i in range(n):
        p = [i, i + 1, [i]]
        acc += p[0] + p[1] + len(p[2])
        if not p[2]:
            acc -= 1000
    return acc


print(pairs(6000))


def flags(n):
    # Truth of tuples and lists, empty and not.
    t = 0
    tups = [(), (1,)]
    for i in range(n):
        a = tups[i % 2]
        b = [] if i % 3 else [i]
        if a:
            t += 1
        if not b:
            t += 10
    return t


print(flags(60))
