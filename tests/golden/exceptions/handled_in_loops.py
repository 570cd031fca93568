# Exceptions handled inside for/while loops must leave the loop state intact (regression: a stray stack
# item after each handled exception corrupted range loops).
def f(n):
    h = 0
    for i in range(n):
        try:
            h += 10 // (i % 7)
        except ZeroDivisionError:
            h -= 1
    return h

total = 0
for x in ["1", "a", "3", "", "5"]:
    try:
        total += int(x)
    except ValueError as e:
        print("skip", repr(x), e)
print(f(50), total)
k = 0
while k < 6:
    try:
        [0, 1][k]
    except IndexError:
        print("index", k)
    k += 1
print([f(n) for n in range(10)])
