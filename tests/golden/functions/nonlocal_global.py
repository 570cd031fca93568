x = "global x"
def f():
    x = "f local"
    def g():
        nonlocal x
        x = "g changed f's x"
    g()
    return x
print(f(), x)
def h():
    global x
    x = "h changed global"
h()
print(x)
total = 0
def add_all(nums):
    global total
    for n in nums:
        total += n
add_all([1, 2, 3])
add_all([10])
print(total)
def outer():
    a = 1
    def mid():
        nonlocal a
        a += 1
        def inner():
            nonlocal a
            a *= 10
        inner()
    mid()
    mid()
    return a
print(outer())
def read_only():
    return x + "!"
print(read_only())
