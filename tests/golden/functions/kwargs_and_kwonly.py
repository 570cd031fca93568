def f(a, b, *, c, d=4):
    return [a, b, c, d]
print(f(1, 2, c=3), f(1, b=2, c=3, d=5), f(c=0, b=1, a=2))
def g(*args, **kwargs):
    return args, sorted(kwargs.items())
print(g(), g(1, 2), g(x=1), g(1, y=2, x=3))
def h(a, *rest, flag=False, **opts):
    print("a", a, "rest", rest, "flag", flag, "opts", opts)
h(1)
h(1, 2, 3, flag=True, color="red", size=3)
h(*[9, 8], **{"flag": "yes", "z": 0})
def pos_only(a, b, /, c):
    return a + b + c
print(pos_only(1, 2, 3), pos_only(1, 2, c=3))
def collect(**kw):
    return kw
print(collect(b=1, a=2), collect())
args = (1, 2)
kwargs = {"c": 3}
print(f(*args, **kwargs))
print(max(3, 9, key=lambda v: -v), sorted([3, 1], reverse=True))
def order(first, second="s", *args, third, fourth="f", **kw):
    return first, second, args, third, fourth, kw
print(order(1, third=3))
print(order(1, 2, 3, 4, third=5, x=6))
