# random: the real-valued distributions, reproducible for a seed.
import random

random.seed(99)
print(random.uniform(1, 5), random.uniform(5, 1), random.triangular(), random.triangular(0, 10, 3))
print(random.gauss(), random.gauss(), random.gauss(2, 3))
print(random.normalvariate(), random.normalvariate(10, 0.5), random.lognormvariate(0, 1))
print(random.expovariate(2), random.expovariate(0.1))
print(random.betavariate(2, 3), random.betavariate(0.5, 0.5))
print(random.gammavariate(0.5, 1), random.gammavariate(1.0, 2), random.gammavariate(3, 2))
print(random.vonmisesvariate(1, 2), random.vonmisesvariate(0, 0), random.paretovariate(3), random.weibullvariate(1, 2))

# Sample statistics of 2000 draws (rounded: the draws are exact, the rounding hides nothing).
random.seed(5)
xs = [random.gauss(10, 2) for _ in range(2000)]
mean = sum(xs) / len(xs)
var = sum((x - mean) ** 2 for x in xs) / (len(xs) - 1)
print(round(mean, 6), round(var, 6))
ys = [random.random() for _ in range(2000)]
print(round(sum(ys), 9), min(ys) >= 0.0, max(ys) < 1.0)
