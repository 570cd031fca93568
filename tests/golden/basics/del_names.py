x = 10
y = 20
print(x, y)
del x
x = 5
print(x)
a, b, c = 1, 2, 3
del a, b
print(c)
lst = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
nested = [[1, 2], [3, 4]]
del nested[0][1]
print(nested)
del lst[:]
print(lst)
