# send() resumes a generator with a value; the first send must be None.
def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            return avg
        total += x
        count += 1
        avg = total / count
a = averager()
print(next(a), a.send(10), a.send(20), a.send(0))
try:
    a.send(None)
except StopIteration as e:
    print("returned", e.value)
b = averager()
try:
    b.send(5)
except TypeError as e:
    print("TypeError:", e)
