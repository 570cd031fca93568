def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2(), c1())
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(1))
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    x = "changed before call"
    return middle()
print(outer())
def make_acc():
    items = []
    def add(v):
        items.append(v)
        return list(items)
    return add
acc = make_acc()
print(acc(1), acc(2), acc(3))
def counter_pair():
    n = 0
    def get():
        return n
    def bump():
        nonlocal n
        n += 10
    return get, bump
get, bump = counter_pair()
print(get()); bump(); bump(); print(get())
