print("ab" * 3, 3 * "ab", "x" * 0, "x" * -2, [1, 2] * 2, (0,) * 4, 2 * [None])
print("a" + "b" + "c", [1] + [2], (1,) + (2, 3))
print("-" * 20)
s = "=" * 5 + ">"
print(s, len(s))
print("%" * 3, "abc" * True, "abc" * False)
grid = [["."] * 3] * 2
grid[0][0] = "#"
print(grid)
grid2 = [["."] * 3 for _ in range(2)]
grid2[0][0] = "#"
print(grid2)
