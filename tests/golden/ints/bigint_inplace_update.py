# `s += x` on a bigint held only by `s` may update it in place (an interpreter optimisation):
# nothing else that refers to the old value may see a change, and results back in i64 range
# are ordinary small ints again.


def accumulate(n):
    s = 2 ** 64
    for i in range(n):
        s += i * i
    return s


print(accumulate(1000))

# An alias taken before the update keeps the old value.
s = 2 ** 70
t = s
s += 1
print(s, t, s - t)


def aliased():
    s = 2 ** 70
    keep = [s]
    s += 5
    s -= 2
    return s, keep[0]


print(aliased())


def shrink():
    # Down below 2**63: the result is an ordinary int (== and hash agree with small ints).
    s = 2 ** 63 + 10
    s -= 20
    return s, s == 9223372036854775798, hash(s) == hash(9223372036854775798), type(s)


print(shrink())


def negative():
    s = -(2 ** 65)
    for i in range(5):
        s -= i
        s += 3
    return s


print(negative())


def in_container():
    d = {"k": 2 ** 80}
    d["k"] += 1
    lst = [2 ** 90]
    lst[0] -= 1
    return d, lst


print(in_container())
