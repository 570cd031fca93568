for i in range(3):
    print("range", i)
for ch in "abc":
    print("char", ch)
for item in [10, "x", None]:
    print("item", item)
for k in {"b": 1, "a": 2}:
    print("key", k)
for i, v in enumerate(["p", "q"], start=5):
    print(i, v)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b)
for i in range(10, 0, -3):
    print("down", i)
for i in range(0):
    print("never")
total = 0
for i in range(1, 101):
    total += i
print("total", total, "i after loop", i)
for x in (1, 2):
    pass
print("x after loop", x)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a, b, c)
