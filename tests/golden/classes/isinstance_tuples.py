# isinstance/issubclass accept (nested) tuples of classes.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, (C, A)), isinstance(b, (C, (int, B))), isinstance(b, ()))
print(issubclass(B, (C, A)), issubclass(bool, (str, int)))
try:
    isinstance(b, [A])
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(b, A)
except TypeError as e:
    print("TypeError:", e)
