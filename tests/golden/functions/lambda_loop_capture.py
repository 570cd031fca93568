funcs = []
for i in range(4):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs2 = []
for i in range(4):
    funcs2.append(lambda i=i: i)
print([f() for f in funcs2])
funcs3 = [lambda x, k=k: x * k for k in range(1, 4)]
print([f(10) for f in funcs3])
funcs4 = [lambda: k for k in range(3)]
print([f() for f in funcs4])
def make(n):
    return lambda: n
funcs5 = [make(j) for j in range(3)]
print([f() for f in funcs5])
i = 100
print([f() for f in funcs])
