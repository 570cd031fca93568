lst = [1, 2, 3, 4, 5]
lst[0] += 10
lst[-1] *= 3
lst[2] -= 100
print(lst)
d = {"a": 1}
d["a"] += 1
d["b"] = d.get("b", 0) + 5
d["b"] **= 2
print(d)
m = [[0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        m[i][j] += i * 3 + j
m[1][1] *= 100
print(m)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
lst = [0, 1, 2, 3, 4, 5]
lst[1:3] += [9]
print(lst)
idx = [0]
def key():
    idx[0] += 1
    print("key evaluated", idx[0])
    return 0
arr = [5]
arr[key()] += 1
print(arr)
