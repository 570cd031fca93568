x = 5
print(-x, +x, ~x, not x, -(-x), ~~x, - - - x)
print(-0, -0.0, +(-3.5), ~0, ~-1, ~2 ** 3)
print(-2 ** 2, (-2) ** 2, -(2 ** 2))
print(not x == 5, not (x == 5), (not x) == 5)
print(-True, ~True, +False, -(2 ** 100), ~(2 ** 100))
