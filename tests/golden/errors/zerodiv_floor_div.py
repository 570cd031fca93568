vals = [7, -7]
for v in vals:
    print(v // 2, v % 2)
print(7 // 0)
