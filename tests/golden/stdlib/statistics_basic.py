# statistics: averages and spread with CPython's exact results and result types (int, float,
# Fraction inputs), quantiles, modes, relations, and the StatisticsError messages.
import statistics as st
from fractions import Fraction as F

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
ints = [1, 2, 3, 4, 4, 5, 9]
print(st.mean([1, 2, 3, 4, 4]), st.mean(ints), st.mean(data), st.mean([F(3, 7), F(1, 21), F(5, 3)]), st.mean([1, 2.5]))
print(st.fmean(ints), st.fmean([3.5, 4.0, 5.25]), st.fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([2]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 3, 3, 5, 7], interval=2))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red", "green", "red", "red"]), st.multimode("aabbbbccddddeeffffgg"), st.multimode([]))
print(st.variance(data), st.variance(ints), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), st.pvariance(ints), st.variance([F(1, 6), F(1, 2), F(5, 3)]))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev(ints), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev(ints), st.stdev([1, 2, 3], xbar=2))
big = [x * 0.1 for x in range(1, 200)]
print(st.mean(big), st.stdev(big), st.pvariance(big), st.median(big))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(st.quantiles(ints), st.quantiles(ints, method="inclusive"), st.quantiles([1.0, 2.0], n=3))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, x[::-1]), st.linear_regression(x, [2 * v + 1 for v in x]), st.linear_regression(x, y, proportional=True))
for thunk in [lambda: st.mean([]), lambda: st.variance([1]), lambda: st.stdev([]), lambda: st.pvariance([]), lambda: st.median([]),
              lambda: st.mode([]), lambda: st.quantiles([1]), lambda: st.quantiles([1, 2], n=0), lambda: st.geometric_mean([1, -1]),
              lambda: st.harmonic_mean([1, -2]), lambda: st.fmean([]), lambda: st.correlation([1, 1], [1, 2]), lambda: st.mean(["a"])]:
    try:
        thunk()
    except (st.StatisticsError, TypeError) as e:
        print(type(e).__name__, e)
print(issubclass(st.StatisticsError, ValueError))
