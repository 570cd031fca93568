# math: gamma/lgamma (Lanczos, as CPython), hypot/dist (compensated), fsum (exact), pow/atan2 cases.
import math

print([math.gamma(x) for x in (0.5, 1.5, 2.5, 5.0, 10.0, 23.0, 24.0, 30.5, 170.5)])
print([math.gamma(x) for x in (-0.5, -1.5, -2.5, -10.1, -170.5, -180.5, -210.5, 1e-25, -1e-25)])
print([math.lgamma(x) for x in (0.5, 1.0, 2.0, 3.0, 2.5, 100.0, 1e10, 1e300)])
print([math.lgamma(x) for x in (-0.5, -2.5, -100.5, 1e-30, -1e-30)])
print(math.gamma(math.inf), math.lgamma(math.inf), math.lgamma(-math.inf))

print(math.hypot(3, 4), math.hypot(), math.hypot(-7), math.hypot(1, 2, 3, 4, 5))
print(math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324), math.hypot(1e-320, 3e-320, 2e-320))
print(math.hypot(0.1, 0.2, 0.3), math.hypot(1.5, 2.5, 3.5, 4.5))
print(math.hypot(math.inf, math.nan), math.hypot(math.nan, 1.0), math.hypot(-math.inf, 3))
print(math.dist((1, 2), (4, 6)), math.dist([0.1, 0.2, 0.3], (1.1, 2.2, 3.3)), math.dist((), ()))
print(math.dist((1e308, -1e308), (-1e308, 1e308)))

print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([2.0 ** 53, 1.0, 2.0 ** -53]), math.fsum([]), math.fsum([-0.0]), math.fsum(range(10)))
print(math.fsum([math.inf, 1.0]), math.fsum([math.nan, 1.0]), math.fsum(x / 7 for x in range(100)))
print(math.fsum([1e308, -1e308, 1e308]), math.fsum([1.0, 1e-16, 1e-16]))

print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 3), math.pow(0.0, 0), math.pow(-0.0, 3.0))
print(math.pow(math.nan, 0), math.pow(1, math.nan), math.pow(-math.inf, 3), math.pow(-math.inf, -3))
print(math.pow(0.5, -math.inf), math.pow(-1, math.inf), math.pow(2, -math.inf), math.pow(-2, 4))
print(math.atan2(1, 1), math.atan2(-0.0, -1.0), math.atan2(0.0, -0.0), math.atan2(math.inf, -math.inf))
print(math.atan2(-math.inf, 5), math.atan2(3, math.inf), math.atan2(3, -math.inf))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(math.inf, -1))
print(math.fmod(10, 3), math.fmod(-10, 3), math.fmod(10.5, -3), math.fmod(5, math.inf), math.fmod(10**30, 7))
print(math.remainder(7.5, 2), math.remainder(6.5, 2), math.remainder(-5.5, 2), math.remainder(3, math.inf))
print(math.remainder(10, 3), math.remainder(-1e-310, 3e-310), math.remainder(5, -2))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.1))
print(math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.isclose(math.nan, math.nan), math.isclose(a=1, b=1.0000000001), math.isclose(-math.inf, math.inf))
