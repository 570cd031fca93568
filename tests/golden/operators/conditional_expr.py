for n in range(-2, 3):
    s = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, s)
x = 7
print("odd" if x % 2 else "even", x if x > 5 else -x)
f = lambda v: v * 2 if v else "none"
print(f(3), f(0))
lst = [i if i % 3 else -i for i in range(7)]
print(lst)
print((lambda: "a")() if True else (lambda: "b")())
def pick(flag):
    return "first" if flag else "second"
print(pick(1), pick(""), pick([0]))
