# __index__ makes objects usable as list and tuple indices and in operator.index().
class Two:
    def __index__(self):
        return 2
t = Two()
l = [10, 20, 30, 40]
print(l[t], (5, 6, 7)[t])
print(operator_index := __import__("operator").index(t))
class F:
    def __int__(self):
        return 7
    def __float__(self):
        return 1.5
print(int(F()), float(F()))
try:
    l[F()]
except TypeError as e:
    print("TypeError:", e)
