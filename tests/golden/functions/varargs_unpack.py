def total(*nums):
    print("got", nums, type(nums).__name__)
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1), total(1, 2, 3))
print(total(*range(5)), total(*[1, 2], 3, *(4, 5)))
def show(**kw):
    for k in kw:
        print(" ", k, "=", kw[k])
show(a=1, b=2)
show(**{"x": 10}, y=20)
show(**dict(m=1), **{"n": 2})
def first_and_rest(first, *rest):
    return first, rest
print(first_and_rest("a"), first_and_rest(*"abc"))
print(*[1, 2, 3], sep="-")
print([*range(3), *"ab"], (*[1], 2), {*[1, 2], 3} == {1, 2, 3}, {**{"a": 1}, "b": 2})
