a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a is not c, a == c)
print(2 in a, 5 in a, 5 not in a)
print("ell" in "hello", "z" in "hello", "" in "abc")
d = {"k": 1, 2: "two"}
print("k" in d, 1 in d, 2 in d, "two" in d)
print(3 in (1, 2, 3), 3 in range(5), 5 in range(5), 10 in range(0, 20, 5), 11 in range(0, 20, 5))
print(1 in {1, 2}, 3 in {1, 2}, (1, 2) in [(1, 2)], [1] in [[1]])
print(None in [None], True in [1], 1.0 in [1])
print(x is None if (x := None) is None else "no")
