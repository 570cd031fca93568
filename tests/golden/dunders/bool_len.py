# Truth uses __bool__, then __len__, else True; bad return types are errors.
class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Flag:
    def __init__(self, f):
        self.f = f
    def __bool__(self):
        return self.f
class Neither:
    pass
print(bool(Empty()), bool(Full()), bool(Flag(False)), bool(Neither()))
print("yes" if Full() else "no", not Empty())
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
