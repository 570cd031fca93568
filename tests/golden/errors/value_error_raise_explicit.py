def check(n):
    if n < 0:
        raise ValueError("negative value: " + str(n))
    return n * 2
print(check(4))
print(check(-3))
