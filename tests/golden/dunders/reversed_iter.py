# reversed() uses __reversed__, else __len__ + __getitem__.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(self.n))
    def __reversed__(self):
        return iter(range(self.n - 1, -1, -1))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "abc"[i]
print(list(Countdown(4)), list(reversed(Countdown(4))), list(reversed(Seq())))
try:
    reversed(object())
except TypeError as e:
    print("TypeError:", e)
