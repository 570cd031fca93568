def outer(n):
    def helper(k):
        return k * n
    results = []
    for i in range(3):
        results.append(helper(i))
    return results
print(outer(5))
x = 1
def shadow_param(x):
    x = x + 1
    return x
print(shadow_param(10), x)
def counter():
    counts = {"n": 0}
    def inc():
        counts["n"] += 1
        return counts["n"]
    return inc
c = counter()
c(); c()
print(c())
def late_binding():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs]
print(late_binding())
def use_before_def():
    return helper2() * 2
def helper2():
    return 21
print(use_before_def())
def rebinding():
    def f():
        return "first"
    r1 = f()
    def f():
        return "second"
    return r1, f()
print(rebinding())
