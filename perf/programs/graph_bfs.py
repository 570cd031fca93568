# Graph algorithms over dicts of sets: build a pseudo-random sparse graph,
# run breadth-first searches from many sources, count connected components
# and triangles.
import sys

NODES = int(sys.argv[1]) if len(sys.argv) > 1 else 30000
EDGES_PER_NODE = 3
SOURCES = 40


def build_graph(n, k, seed):
    adj = {i: set() for i in range(n)}
    s = seed
    for u in range(n):
        for _ in range(k):
            s = (s * 1103515245 + 12345) & 0x7FFFFFFF
            # mostly local edges plus some long-range ones
            if s & 7:
                v = (u + 1 + (s >> 8) % 20) % n
            else:
                v = (s >> 8) % n
            if v != u:
                adj[u].add(v)
                adj[v].add(u)
    # cut some edges to create several components
    for u in range(0, n, 500):
        for v in list(adj[u]):
            adj[v].discard(u)
        adj[u] = set()
    return adj


def bfs(adj, start):
    dist = {start: 0}
    frontier = [start]
    while frontier:
        nxt = []
        for u in frontier:
            du = dist[u] + 1
            for v in adj[u]:
                if v not in dist:
                    dist[v] = du
                    nxt.append(v)
        frontier = nxt
    return dist


def components(adj):
    seen = set()
    sizes = []
    for u in adj:
        if u in seen:
            continue
        comp = {u}
        stack = [u]
        while stack:
            x = stack.pop()
            for y in adj[x]:
                if y not in comp:
                    comp.add(y)
                    stack.append(y)
        seen |= comp
        sizes.append(len(comp))
    return sorted(sizes, reverse=True)


def triangles(adj):
    count = 0
    for u, nbrs in adj.items():
        for v in nbrs:
            if v > u:
                for w in nbrs & adj[v]:
                    if w > v:
                        count += 1
    return count


def main():
    adj = build_graph(NODES, EDGES_PER_NODE, 777)
    edges = sum(len(s) for s in adj.values()) // 2
    print("edges", edges)
    total = 0
    far = 0
    reach = 0
    for i in range(SOURCES):
        src = (i * 7919 + 1) % NODES
        d = bfs(adj, src)
        total += sum(d.values())
        far = max(far, max(d.values()))
        reach += len(d)
    print("bfs", total, far, reach)
    sizes = components(adj)
    print("components", len(sizes), sizes[:5])
    print("triangles", triangles(adj))


main()
