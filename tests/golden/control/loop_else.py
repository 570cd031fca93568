def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")
find([1, 2, 3], 2)
find([1, 2, 3], 7)
find([], 1)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
k = 0
while k < 3:
    k += 1
    if k == 10:
        break
else:
    print("while completed, k =", k)
while k < 10:
    k += 1
    if k == 5:
        print("breaking at", k)
        break
else:
    print("not printed")
for i in range(3):
    continue
else:
    print("else after continue-only loop", i)
