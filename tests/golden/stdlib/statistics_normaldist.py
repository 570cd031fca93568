# statistics.NormalDist: densities, cdf and its inverse (Wichura AS241), overlap, quantiles,
# arithmetic on distributions, from_samples and seeded samples.
from statistics import NormalDist, StatisticsError
import random
N = NormalDist(100, 15)
print(N, N.mean, N.median, N.mode, N.stdev, N.variance)
for x in [70, 85.5, 100, 130, -1e3]:
    print(x, N.pdf(x), N.cdf(x), N.zscore(x))
for p in [1e-300, 1e-20, 0.001, 0.02425, 0.07, 0.075, 0.25, 0.5, 0.6, 0.924, 0.925, 0.99, 1 - 1e-16]:
    print(p, N.inv_cdf(p), NormalDist().inv_cdf(p))
ok = all(NormalDist(1.5, 2).inv_cdf(i / 997) == NormalDist(1.5, 2).inv_cdf(i / 997) for i in range(1, 997))
print([round(v, 12) for v in N.quantiles()], N.quantiles(10)[:3], len(N.quantiles(100)))
print(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)), NormalDist(3.2, 2.0).overlap(NormalDist(2.4, 1.6)))
print(NormalDist(1, 2).overlap(NormalDist(5, 2)), NormalDist(1, 2).overlap(NormalDist(1, 2)))
print(NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]), NormalDist.from_samples(range(10)))
print(NormalDist.from_samples(x for x in [1, 2, 4]))
print(N + 5, 5 + N, N - 5, 5 - N, N * 2, 2 * N, N * -2, N / 4, -N, +N)
print(N + NormalDist(3, 20), N - NormalDist(3, 20))
print(N == NormalDist(100, 15), N == NormalDist(100.0, 15.0), N != NormalDist(100, 16), N == 100)
print(hash(N) == hash(NormalDist(100.0, 15)), len({N, NormalDist(100, 15.0)}))
print(NormalDist(1, 2).samples(5, seed=42))
print(NormalDist().samples(3, seed='abc'))
random.seed(7)
print(NormalDist(0, 1).samples(3))
print(NormalDist(), NormalDist(mu=3), NormalDist(sigma=0.5), NormalDist(True, 1))
print(N.__getstate__())
for bad in [lambda: NormalDist(0, -1), lambda: NormalDist(1, 0).pdf(1), lambda: NormalDist(1, 0).cdf(1),
            lambda: NormalDist(1, 0).zscore(1), lambda: NormalDist(1, 0).inv_cdf(0.5),
            lambda: N.inv_cdf(0), lambda: N.inv_cdf(1.0), lambda: N.overlap(3),
            lambda: N.overlap(NormalDist(1, 0)), lambda: NormalDist.from_samples([1]),
            lambda: N.samples(2, 3), lambda: N + 'a', lambda: N.x]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
try:
    N.foo = 1
except AttributeError as e:
    print("AttributeError", e)
print(NormalDist.from_samples([1.0, float('inf'), 3.0]))
print(type(N).__name__, NormalDist.__slots__ if isinstance(NormalDist.__slots__, dict) else None)
