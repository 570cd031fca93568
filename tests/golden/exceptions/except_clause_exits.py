# return / break / continue leaving an except clause (with and without `as`) restore the stack.
def f(x):
    try:
        1 / x
    except ZeroDivisionError as e:
        return "zero"
    return "ok"


for i in range(3):
    print(f(i), f(1))


def g():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
        except ValueError:
            continue
        except KeyError as k:
            break
        out.append(i)
    return out


print(g())

for name in ["a", "b", "c"]:
    try:
        if name == "b":
            raise KeyError(name)
    except KeyError as e:
        print("caught", e)
        continue
    print("name", name)

while True:
    try:
        raise RuntimeError("x")
    except RuntimeError as e:
        print("break with", e)
        break
try:
    e
except NameError as n:
    print(n)
