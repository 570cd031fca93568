# Chained generators are lazy: each value flows through the whole pipeline.
def numbers():
    for i in range(1, 6):
        print("produce", i)
        yield i
def squares(it):
    for x in it:
        yield x * x
def evens(it):
    return (x for x in it if x % 2 == 0)
for v in evens(squares(numbers())):
    print("consume", v)
import itertools
print(list(itertools.islice(squares(itertools.count(1)), 4)))
