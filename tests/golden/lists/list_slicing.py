a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::2], a[::-1], a[8:1:-3], a[-1:-4:-1])
b = a[:]
b[2:5] = ["x"]
print(b)
b[0:0] = [-2, -1]
print(b)
b[-1:] = [90, 91, 92]
print(b)
b[::2] = [0] * len(b[::2])
print(b)
b[1:3] = []
print(b)
c = list(range(8))
c[::-2] = "abcd"
print(c)
c[2:6] = range(3)
print(c)
d = [1, 2, 3]
d[len(d):] = [4, 5]
print(d)
d[:] = [7]
print(d)
e = list(range(10))
del e[::3]
print(e)
del e[-2:]
print(e)
print(a[100:200], a[-100:2], a[5:2])
