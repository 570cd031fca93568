# Native recursion over deeply nested containers raises RecursionError (CPython's messages), never
# crashes; the limit follows sys.getrecursionlimit() like CPython's C recursion counter.
def nest(n, wrap):
    x = 0
    for _ in range(n):
        x = wrap(x)
    return x

for n in [10, 900, 20000]:
    for name, wrap in [("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {"k": x})]:
        a, b = nest(n, wrap), nest(n, wrap)
        for what, f in [("repr", lambda: len(repr(a))), ("str", lambda: len(str(a))),
                        ("==", lambda: a == b), ("!=", lambda: a != b)]:
            try:
                print(n, name, what, f())
            except RecursionError as e:
                print(n, name, what, "RecursionError:", e)
    l1, l2 = nest(n, lambda x: [x]), nest(n, lambda x: [x])
    try:
        print(n, "list <", l1 < l2)
    except RecursionError as e:
        print(n, "list <", "RecursionError:", e)
    # CPython does not limit hashing nested tuples (it crashes past some depth; pvm stops at 200000).
    print(n, "hash ok", isinstance(hash(nest(n, lambda x: (x,))), int))

# Self-referencing containers print with an ellipsis.
l = [1]
l.append(l)
d = {}
d["d"] = d
print(l, d)

# 100,000 levels, and dropping a deeply nested structure frees it without recursion.
x = nest(100000, lambda x: [x])
try:
    repr(x)
except RecursionError as e:
    print("RecursionError:", e)
x = None
print("freed")
