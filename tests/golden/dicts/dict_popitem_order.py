d = {}
for i in range(6):
    d[f"k{i}"] = i
while d:
    k, v = d.popitem()
    print(k, v, len(d))
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
d["a"] = 1
print(d.popitem(), d)
d = dict.fromkeys(range(1000))
for i in range(0, 1000, 2):
    del d[i]
print(len(d), list(d)[:5], list(d)[-3:])
for i in range(10):
    d[i] = "re"
print(len(d), list(d)[-12:])
