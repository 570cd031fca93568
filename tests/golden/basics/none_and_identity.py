a = None
b = None
print(a is b, a == b, a is not None)
x = [1, 2]
y = [1, 2]
z = x
print(x == y, x is y, x is z, id(x) == id(z), id(x) == id(y))
print(type(None))
print(None == 0, None == False, None == "")
t = True
print(t is True, t == 1, t + t, True * 10)
print(repr(None), str(None))
def f():
    pass
print(f())
print(f() is None)
