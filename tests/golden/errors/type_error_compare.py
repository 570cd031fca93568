print(1 < 2, "a" < "b", [1] < [2])
x = 3
y = "three"
print(x == y, x != y)
print(x < y)
