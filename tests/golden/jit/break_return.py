# break and return from the middle of a traced loop, at different iterations each call.
def find(xs, target):
    for i in range(len(xs)):
        if xs[i] == target:
            return i
    return -1

data = [i * 7 % 1001 for i in range(1001)]
total = 0
for t in range(0, 1001, 13):
    total += find(data, t)
print(total)

def first_square_over(limit):
    i = 0
    while True:
        i += 1
        if i * i > limit:
            break
    return i

print([first_square_over(k) for k in range(0, 5000, 250)])

def nested_break(n):
    count = 0
    for i in range(n):
        for j in range(n):
            if j > i:
                break
            count += j
        if count > 100000:
            break
    return count, i

print(nested_break(1000))

def while_else(n):
    i = 0
    while i < n:
        i += 3
        if i == 301:
            break
    else:
        return "no break", i
    return "break", i

print(while_else(1000), while_else(200))
