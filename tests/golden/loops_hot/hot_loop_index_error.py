data = list(range(1000))
s = 0
for i in range(1000):
    s += data[i]
print("sum", s)
i = 0
while True:
    s -= data[i]
    i += 1
    if i == 999:
        print("almost", s)
