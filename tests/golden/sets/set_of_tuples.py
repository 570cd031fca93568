pts = {(0, 0), (1, 2), (0, 0), (2, 1)}
print(len(pts), sorted(pts), (1, 2) in pts)
moves = [(0, 1), (1, 0), (0, -1), (-1, 0)]
visited = {(0, 0)}
frontier = [(0, 0)]
for step in range(3):
    nxt = []
    for x, y in frontier:
        for dx, dy in moves:
            p = (x + dx, y + dy)
            if p not in visited:
                visited.add(p)
                nxt.append(p)
    frontier = nxt
    print(step, len(visited), sorted(frontier)[:4])
print(sorted(visited)[:6])
