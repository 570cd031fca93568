w, h = 60, 24
max_iter = 60
rows = []
total_iters = 0
for py in range(h):
    y0 = (py / h) * 2.4 - 1.2
    row = ""
    for px in range(w):
        x0 = (px / w) * 3.5 - 2.5
        x = 0.0
        y = 0.0
        it = 0
        while x * x + y * y <= 4.0 and it < max_iter:
            x, y = x * x - y * y + x0, 2.0 * x * y + y0
            it += 1
        total_iters += it
        row += " .:-=+*#%@"[it * 9 // max_iter]
    rows.append(row)
for r in rows:
    print(r.rstrip())
print("total iterations", total_iters)
