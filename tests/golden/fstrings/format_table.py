rows = [(1, "alpha", 0.5), (22, "beta", 12.25), (333, "gamma-long", -3.125), (4444, "", 1e6)]
for i, name, val in rows:
    print(f"|{i:>5}|{name:<10.6}|{val:>12.3f}|{val:<10.2e}|{i:^7x}|")
width = 0
for _, name, _ in rows:
    width = max(width, len(name))
for i, name, val in rows:
    print("[" + name.ljust(width) + "]", "{:{w}}".format(name, w=width) + "|", "%-*s|" % (width, name))
print("{:-^30}".format(" end "))
