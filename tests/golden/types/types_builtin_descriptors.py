# The data attributes of builtin types are descriptors on the types themselves.
for t, names in [(int, "real imag numerator denominator"), (float, "real imag"),
                 (complex, "real imag"), (range, "start stop step"), (slice, "start stop step"),
                 (memoryview, "obj nbytes readonly itemsize format ndim shape strides suboffsets "
                              "c_contiguous f_contiguous contiguous")]:
    for n in names.split():
        d = getattr(t, n)
        print(t.__name__, n, type(d).__name__, repr(d), d.__name__, d.__objclass__ is t)
print(bool.real is int.real, "real" in vars(int), "real" in vars(bool))

# They apply to instances, plain or of subclasses, and read the builtin value.
class I(int):
    pass

class F(float):
    pass

print((7).real, (7).denominator, True.numerator, (2**70).real, (2.5).imag, (1 + 2j).imag)
print(I(7).real, type(I(7).real).__name__, I(7).imag, I(7).numerator, I(7).denominator)
print(F(2.5).real, type(F(2.5).real).__name__, F(2.5).imag, complex.real.__get__(1 + 2j))
print(int.real.__get__(5), int.real.__get__(True), type(int.real.__get__(True)).__name__)
print(int.numerator.__get__(I(9)), float.imag.__get__(1.5), complex.imag.__get__(3j))
print(range.stop.__get__(range(2, 9, 3)), slice.step.__get__(slice(1, 2)))
m = memoryview(b"abcdef")
print(memoryview.shape.__get__(m), memoryview.format.__get__(m), memoryview.nbytes.__get__(m[::2]))
print(int.real.__get__(None, int) is int.real, slice.start.__get__(None, slice) is slice.start)
print(sorted(n for n in ("real", "imag", "numerator") if hasattr(I, n)))

# Wrong receivers and writes: CPython's errors.
tries = [
    lambda: int.real.__get__("a"),
    lambda: float.real.__get__(1),
    lambda: range.start.__get__(slice(1)),
    lambda: memoryview.ndim.__get__(b"x"),
    lambda: int.real.__set__(5, 1),
    lambda: slice.start.__set__(slice(1), 2),
    lambda: setattr(I(5), "real", 1),
    lambda: delattr(I(5), "numerator"),
    lambda: complex.imag.__delete__(1j),
    lambda: setattr(5, "real", 1),
    lambda: setattr(range(3), "start", 1),
]
for f in tries:
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

# A subclass can still shadow one with its own attribute.
class Shadow(int):
    real = "mine"

print(Shadow(3).real, Shadow(3).imag)

# Class-level helpers of builtin types.
print(list.__class_getitem__(int), dict[str, int], tuple.__class_getitem__((int, ...)))
print(float.__getformat__("double"), float.__getformat__("float"))
for bad in [lambda: float.__getformat__("half"), lambda: float.__getformat__(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
