print({x: x ** 2 for x in range(6)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({x % 5 for x in range(100)}, {len(w) for w in ["a", "bb", "cc", "d"]})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_first = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_first)
print({(i, j): i + j for i in range(2) for j in range(2)})
print(sorted({c for c in "hello world" if c.isalpha()}))
print({n: ("even" if n % 2 == 0 else "odd") for n in range(4)})
