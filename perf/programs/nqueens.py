# Count all placements of N non-attacking queens with recursive backtracking,
# and collect a checksum over every solution found.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 12


def solve(n):
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    placement = [0] * n
    stats = [0, 0]  # count, checksum

    def place(row):
        if row == n:
            stats[0] += 1
            h = 0
            for c in placement:
                h = h * n + c
            stats[1] = (stats[1] + h) % 1000000007
            return
        for c in range(n):
            d1 = row + c
            d2 = row - c + n
            if cols[c] or diag1[d1] or diag2[d2]:
                continue
            cols[c] = diag1[d1] = diag2[d2] = True
            placement[row] = c
            place(row + 1)
            cols[c] = diag1[d1] = diag2[d2] = False

    place(0)
    return stats[0], stats[1]


def first_solution(n):
    # A second, set-based solver that stops at the first solution.
    def go(row, used_cols, used_d1, used_d2, acc):
        if row == n:
            return acc
        for c in range(n):
            if c in used_cols or (row + c) in used_d1 or (row - c) in used_d2:
                continue
            r = go(row + 1, used_cols | {c}, used_d1 | {row + c}, used_d2 | {row - c}, acc + [c])
            if r is not None:
                return r
        return None
    return go(0, frozenset(), frozenset(), frozenset(), [])


def main():
    count, checksum = solve(N)
    print(f"{N}-queens solutions: {count} checksum {checksum}")
    for n in range(4, 21):
        print(n, first_solution(n))


main()
