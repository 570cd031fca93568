def f(a, b=1):
    "doc for f"
    return a + b
g = f
print(g(1), g is f, f.__name__, g.__name__, f.__doc__)
funcs = [len, abs, str.upper, f]
for fn in funcs[:3]:
    print(fn.__name__)
print(callable(f), callable(5), callable(len), callable(lambda: 0))
def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 8, 1), apply(f, 10), apply(lambda: "l"))
def returns_none():
    return
print(returns_none(), returns_none() is None)
def multi_return(x):
    if x > 0:
        return "pos"
    if x < 0:
        return "neg"
print(multi_return(1), multi_return(-1), multi_return(0))
def early(xs):
    for x in xs:
        if x > 2:
            return x
    return -1
print(early([1, 5, 3]), early([]))
f.attr = 42
print(f.attr)
print(type(f).__name__, type(len).__name__, type(lambda: 0).__name__)
