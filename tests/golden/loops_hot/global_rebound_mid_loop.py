factor = 2
def scale(v):
    return v * factor
out = []
for i in range(1000):
    if i == 500:
        factor = 3
    if i == 800:
        factor = 0.5
    out.append(scale(i))
print(out[:3], out[498:503], out[798:803], out[-1])
def helper(v):
    return v + 1
total = 0
for i in range(1000):
    if i == 600:
        def helper(v):
            return v - 1
    total += helper(i)
print(total)
limit = 100
count = 0
i = 0
while i < limit:
    i += 1
    count += 1
    if i == 50:
        limit = 75
print(count, i)
label = "int"
def describe(v):
    return label + ":" + str(v)
res = []
for i in range(6):
    if i == 3:
        label = "changed"
    res.append(describe(i))
print(res)
