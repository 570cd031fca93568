total = 0
for i in range(10000, -1, -1):
    total += 1000000 // (i + 1)
print("first loop ok", total)
acc = 0.0
for i in range(5000, -10, -1):
    acc += 1.0 / i
    if i == 1:
        print("acc at 1", acc)
print("unreachable", acc)
