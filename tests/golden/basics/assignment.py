x = 1
print(x)
x = x + 1
print(x)
a = b = c = 7
print(a, b, c)
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x = "now a string"
print(x)
x = [1, 2]
y = x
y.append(3)
print(x, y, x is y)
n = None
print(n, n is None)
_ = 5
print(_)
