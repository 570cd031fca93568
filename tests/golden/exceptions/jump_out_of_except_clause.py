# break / continue / return inside an except clause leave the handler exactly once.
def drain(items):
    out = []
    it = iter(items)
    while True:
        try:
            x = next(it)
        except StopIteration:
            break
        try:
            out.append(10 // x)
        except ZeroDivisionError as e:
            out.append("skip")
            continue
    return out


print(drain([1, 2, 0, 5, 0, 3]))


def first_int(values):
    for v in values:
        try:
            return int(v)
        except ValueError as err:
            print("not an int:", v, type(err).__name__)
            continue
    return None


print(first_int(["a", "b", "42", "c"]))


def gen(n):
    i = 0
    while i < n:
        i += 1
        try:
            if i % 2:
                raise KeyError(i)
        except KeyError:
            continue
        yield i


print(list(gen(9)))
total = 0
for i in range(200):
    try:
        if i % 3 == 0:
            raise ValueError
        total += i
    except ValueError:
        if i > 150:
            break
        continue
print(total)
