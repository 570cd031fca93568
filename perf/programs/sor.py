# Successive over-relaxation (Gauss-Seidel with omega) sweeps over a 2-D grid
# with fixed boundary values.
import sys

GRID = 200
SWEEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
OMEGA = 1.25


def make_grid(n):
    g = [[0.0] * n for _ in range(n)]
    state = 7
    for i in range(n):
        for j in range(n):
            state = (state * 69069 + 1) & 0xFFFFFFFF
            g[i][j] = state / 4294967296.0
    for i in range(n):
        g[0][i] = 1.0
        g[n - 1][i] = 0.0
        g[i][0] = 0.5
        g[i][n - 1] = 0.25
    return g


def sor(g, omega, sweeps):
    n = len(g)
    quarter = omega * 0.25
    keep = 1.0 - omega
    for _ in range(sweeps):
        for i in range(1, n - 1):
            up = g[i - 1]
            row = g[i]
            down = g[i + 1]
            for j in range(1, n - 1):
                row[j] = quarter * (up[j] + down[j] + row[j - 1] + row[j + 1]) + keep * row[j]


def main():
    g = make_grid(GRID)
    sor(g, OMEGA, SWEEPS)
    total = 0.0
    for row in g:
        for v in row:
            total += v
    mid = GRID // 2
    print(f"sum={total:.6f}")
    print(f"mid={g[mid][mid]:.9f}")


main()
