# Unary operators, matmul, divmod and pow dunders.
class M:
    def __init__(self, v):
        self.v = v
    def __neg__(self): return M(-self.v)
    def __pos__(self): return M(+self.v)
    def __abs__(self): return M(abs(self.v))
    def __invert__(self): return M(~self.v)
    def __matmul__(self, o): return M(self.v * o.v)
    def __divmod__(self, o): return (self.v // o, self.v % o)
    def __pow__(self, e, mod=None): return M(pow(self.v, e, mod))
    def __rpow__(self, b): return M(b ** self.v)
    def __repr__(self): return f"M({self.v})"
m = M(5)
print(-m, +m, abs(M(-3)), ~m, m @ M(3), divmod(m, 3), m ** 2, pow(m, 2, 7), 2 ** m)
