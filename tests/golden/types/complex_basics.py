# complex: literals, repr/str, attributes, equality and hashing with ints and floats.
print(1j, 2.5j, 1_000j, 1e-320j, 0j, -0j, 0 - 0j, -(0j), 3 + 4j, 3 - 4j, -3 - 4j)
print(complex(1, float("nan")), complex(-float("nan"), 1), complex(0.0, -0.0), complex(-0.0, 0.0))
print(complex(1e16, 1e-5), complex(float("inf"), -float("inf")), complex(1.5, 2.25))
print([1j, 2 + 0j, complex(-1, 0)], (1j,), {"k": 1 - 1j})
print(str(1 + 2j), repr(1 + 2j), "%s %r" % (1j, 2j), f"{3-4j}")
z = 3 + 4j
print(z.real, z.imag, z.conjugate(), type(z.real).__name__, type(z).__name__, isinstance(z, complex))
print((1j).real, (2j).imag, complex.conjugate(1j), z.__complex__() == z)
print(abs(z), abs(-2j), abs(complex(float("inf"), float("nan"))), abs(complex(float("nan"), 1)))
print(bool(0j), bool(-0j), bool(1e-300j), bool(complex(0, 1)))
print(1 + 0j == 1, 1.5 + 0j == 1.5, 1j == 1j, 1j != 1j, 1 + 1j == 1, 2**53 + 1 == complex(2**53 + 1, 0))
print(hash(1 + 2j), hash(-1j), hash(complex(1.5, 0)) == hash(1.5), hash(2 + 0j) == hash(2))
d = {1j: "a", 1 + 0j: "b", 1: "c", 1.0: "d"}
print(d, len({0j, 0, 0.0, False}))
print(sorted([3, 1, 2], key=lambda x: abs(x * 1j)))
print(1j in [0, 1j], (1 + 0j) in {1}, [1j, 2j].index(2j), (1j, 2j).count(1j))
