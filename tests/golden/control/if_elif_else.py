def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-5, 0, 3, 10, 99, 100, 10 ** 20]:
    print(n, classify(n))
x = 15
if x % 3 == 0 and x % 5 == 0:
    print("fizzbuzz")
if x > 10:
    if x > 20:
        print("x > 20")
    else:
        print("10 < x <= 20")
if not x:
    print("never")
elif x:
    print("truthy x")
if []:
    pass
else:
    print("empty list is falsy")
