# finally runs on every exit path; a return in finally wins.
def f():
    try:
        return "try"
    finally:
        print("cleanup")

def g():
    try:
        1 / 0
    finally:
        return "finally swallowed the error"

def h(n):
    out = []
    for i in range(n):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append(-i)
    return out

print(f(), g(), h(5))
count = 0
while count < 10:
    try:
        count += 1
        if count == 4:
            break
    finally:
        print("loop finally", count)
