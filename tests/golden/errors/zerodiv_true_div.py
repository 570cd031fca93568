x = 10
for d in [5, 2, 1]:
    print(x, "/", d, "=", x / d)
d = 0
print("about to divide by", d)
print(x / d)
print("unreachable")
