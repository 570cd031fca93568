# LU decomposition with partial pivoting (Doolittle, in place) of a dense
# pseudo-random matrix; solves A x = b and reports the determinant's log and
# the residual of the solution.
import sys
import math

N = int(sys.argv[1]) if len(sys.argv) > 1 else 430


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next_float(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 11) / 9007199254740992.0


def make_matrix(n, rng):
    return [[rng.next_float() - 0.5 for _ in range(n)] for _ in range(n)]


def lu_factor(a):
    n = len(a)
    piv = list(range(n))
    sign = 1
    for k in range(n):
        # choose pivot
        p = k
        best = abs(a[k][k])
        for i in range(k + 1, n):
            v = abs(a[i][k])
            if v > best:
                best = v
                p = i
        if p != k:
            a[k], a[p] = a[p], a[k]
            piv[k], piv[p] = piv[p], piv[k]
            sign = -sign
        row_k = a[k]
        pivot = row_k[k]
        for i in range(k + 1, n):
            row_i = a[i]
            f = row_i[k] / pivot
            row_i[k] = f
            for j in range(k + 1, n):
                row_i[j] -= f * row_k[j]
    return piv, sign


def lu_solve(lu, piv, b):
    n = len(lu)
    y = [b[piv[i]] for i in range(n)]
    for i in range(n):
        row = lu[i]
        s = y[i]
        for j in range(i):
            s -= row[j] * y[j]
        y[i] = s
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        row = lu[i]
        s = y[i]
        for j in range(i + 1, n):
            s -= row[j] * x[j]
        x[i] = s / row[i]
    return x


def main():
    rng = Lcg(2024)
    n = N
    a = make_matrix(n, rng)
    b = [rng.next_float() for _ in range(n)]
    orig = [row[:] for row in a]
    lu = [row[:] for row in a]
    piv, sign = lu_factor(lu)
    logdet = 0.0
    for i in range(n):
        d = lu[i][i]
        if d < 0:
            sign = -sign
        logdet += math.log(abs(d))
    x = lu_solve(lu, piv, b)
    resid = 0.0
    for i in range(n):
        s = 0.0
        row = orig[i]
        for j in range(n):
            s += row[j] * x[j]
        resid = max(resid, abs(s - b[i]))
    print(f"sign={sign} logdet={logdet:.6f}")
    print(f"x0={x[0]:.6f} xn={x[n - 1]:.6f}")
    print("residual_ok" if resid < 1e-8 else f"residual={resid}")


main()
