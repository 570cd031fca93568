acc_q = 0
acc_r = 0
for a in range(-500, 500):
    for b in (-7, -3, -1, 1, 2, 5):
        acc_q += a // b
        acc_r += a % b
print(acc_q, acc_r)
fq = 0.0
fr = 0.0
for a in range(-300, 300):
    x = a * 0.75
    fq += x // 1.5
    fr += x % -2.5
print(fq, fr)
checks = 0
for a in range(-1000, 1000, 3):
    for b in (-9, 4, 13):
        q, r = divmod(a, b)
        if q * b + r == a and (r == 0 or (r < 0) == (b < 0)):
            checks += 1
print("checks", checks)
s = 0
for i in range(-20000, 20000, 7):
    s += (i >> 2) + (i << 1) + (i & 0xFF) - (i | 3) + (i ^ -i)
print(s)
