d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d, list(d))
d["alpha"] = 99
print(d)
del d["zeta"]
d["zeta"] = 0
print(d)
d.pop("mid")
d["mid"] = 1
print(list(d.items()))
nums = {}
for i in [5, 3, 9, 1, 3, 5]:
    nums[i] = nums.get(i, 0) + 1
print(nums)
print({3: "c", 1: "a", 2: "b"})
print({True: "t", 1: "one", 1.0: "float"})
merged = {**{"a": 1, "b": 2}, **{"b": 3, "c": 4}}
print(merged)
print(dict(zip("cab", [1, 2, 3])), dict([("k", "v")]), dict(a=1, b=2), dict({"x": 1}, y=2))
