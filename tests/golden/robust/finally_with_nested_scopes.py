# A `finally` body is compiled once per way out of its `try` (fall-through, return, break, continue);
# functions, lambdas, comprehensions and classes inside it must compile every time.
def loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
        finally:
            out.append(sum(x * i for x in range(3)))
            out.append([y + i for y in range(2)])
            out.append((lambda z: z * 10)(i))
            def inner():
                return i * 100
            out.append(inner())
            class K:
                v = {k: i for k in 'ab'}
            out.append(K.v)
    return out

def early(n):
    try:
        if n:
            return 'early'
    finally:
        print('cleanup', sorted({x % 3 for x in range(n + 4)}))
    return 'late'

print(loop())
print(early(1), early(0))
