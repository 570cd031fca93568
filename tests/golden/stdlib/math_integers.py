# math: the integer functions, exact for ints of any size.
import math

print([math.factorial(n) for n in range(12)], math.factorial(30))
print(math.factorial(2000).bit_length(), math.factorial(100) % (10**9 + 7))
print(math.gcd(), math.gcd(12, 18), math.gcd(-12, 18, 27), math.gcd(0, 0), math.gcd(0, -5), math.gcd(-7))
print(math.gcd(2**100, 2**80 * 3), math.gcd(3**200, 6**150), math.gcd(True, 4))
print(math.lcm(), math.lcm(4, 6, 10), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(-5), math.lcm(2**70, 3**40))
print([math.isqrt(n) for n in (0, 1, 3, 4, 15, 16, 17, 10**20, 2**127 - 1)], math.isqrt(10**101))
print([math.comb(10, k) for k in range(12)], math.comb(100, 50), math.comb(0, 0))
print(math.comb(10**20, 3), math.comb(10**30, 10**30 - 2), math.comb(2**70, 5) % 1000003)
print([math.perm(5, k) for k in range(7)], math.perm(6), math.perm(6, None), math.perm(10**20, 2))
print(math.prod([]), math.prod(range(1, 21)), math.prod([1.5, 2, 4]), math.prod([2, 3], start=10))
print(math.prod(range(1, 40)), math.prod(["ab", 3]), math.prod([[1, 2]], start=2))
class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
print(math.factorial(Idx(6)), math.gcd(Idx(12), 8), math.comb(Idx(7), Idx(3)), math.isqrt(Idx(50)))
print(math.factorial(True), math.comb(True, False), type(math.gcd(True, True)))
