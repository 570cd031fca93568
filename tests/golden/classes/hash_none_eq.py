# Defining __eq__ without __hash__ makes instances unhashable (__hash__ = None).
class E:
    def __eq__(self, other):
        return True
print(E.__hash__)
try:
    hash(E())
except TypeError as e:
    print("TypeError:", e)
try:
    {E()}
except TypeError as e:
    print("TypeError:", e)
class H(E):
    def __hash__(self):
        return 1
print(hash(H()), len({H(), H()}))
class Keep:
    def __eq__(self, other):
        return self is other
    __hash__ = object.__hash__
print(len({Keep(), Keep()}))
