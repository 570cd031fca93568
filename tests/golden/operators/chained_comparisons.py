x = 5
print(1 < x < 10, 1 < x > 10, 10 > x > 1, 1 < 2 < 3 < 4 < 5, 1 < 2 > 1 < 3)
print(1 == 1 == 1, 1 == 1 != 2, 3 > 2 == 2)
print(0 <= x <= 5 <= 5 < 6)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(0) < v(3))
print(calls)
calls.clear()
print(v(1) < v(2) < v(3))
print(calls)
a = [1, 2]
print(1 in a in [[1, 2], [3]], 2 not in a)
print("a" < "b" < "c", "abc" < "abd" <= "abd")
print([1, 2] < [1, 3], (1, 2, 3) < (1, 2), [] < [0])
print(None is None is not False)
