name = input()
print("hello,", name)
n = int(input("count: "))
print("n =", n)
total = 0
for i in range(n):
    line = input()
    parts = line.split()
    print(i, parts)
    total += sum([int(p) for p in parts])
print("total", total)
rest = input().strip()
print(repr(rest))
