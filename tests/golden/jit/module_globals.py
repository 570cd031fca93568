# Loops at module level: every loop variable and accumulator is a global, which traces read and
# write in place in the module dict (record/globals.rs). Each case changes something mid-loop.

# A plain accumulator and the loop variable.
total = 0
for i in range(5000):
    total += i * i
print("sum of squares", total, i)

# Floats.
acc = 0.0
for k in range(3000):
    acc += k * 0.5
print("float sum", acc)

# The accumulator changes type mid-loop: int, then float, then str.
x = 0
for j in range(3000):
    if j == 1000:
        x = float(x)
    if j == 2000:
        x = str(x)[:6]
    if isinstance(x, str):
        x = x[:6]
    else:
        x += 1
print("flipped", repr(x))

# An int that overflows into a bigint mid-loop.
big = 1
for n in range(200):
    big = big * 3 + 1
print("big", big % 1000003, big.bit_length())

# A function that rebinds a global (`global`), called from the loop.
count = 0


def bump(by):
    global count
    count += by


for m in range(4000):
    bump(m % 3)
print("count", count)

# A function-level loop that calls a global-writing function: the recording reads the module's
# globals as constants first, meets the store, and records again reading them in place.
hits = 0


def record_hit():
    global hits
    hits += 1


def run(n):
    for _ in range(n):
        record_hit()
    return hits


print("hits", run(3000), hits)

# A global function replaced mid-loop.
def double(v):
    return v * 2


def triple(v):
    return v * 3


out = 0
for q in range(3000):
    if q == 1500:
        double = triple
    out += double(1)
print("out", out)

# A list global, indexed and appended.
data = []
for r in range(2000):
    data.append(r % 7)
    if len(data) > 3:
        data[0] += data[-1]
print("data", len(data), data[0], sum(data))

# A new global appears mid-loop (the module dict's keys change).
for s in range(3000):
    if s == 1234:
        late = s
print("late", late)

# A bool global toggled each iteration, and a None global that becomes an int.
flag = False
seen = None
for t in range(2500):
    flag = not flag
    if t == 2000:
        seen = 0
    if seen is not None:
        seen += 1
print("flag", flag, "seen", seen)

# A global deleted and recreated from a function called in the loop.
tmp = 0


def reset():
    global tmp
    del tmp
    tmp = -1


for u in range(3000):
    tmp += 1
    if u % 1000 == 999:
        reset()
print("tmp", tmp)

# An exception raised inside the loop, caught at module level.
errors = 0
for v in range(3000):
    try:
        if v % 1000 == 500:
            raise ValueError(v)
        errors += 0
    except ValueError as e:
        errors += int(str(e))
print("errors", errors)

# A while loop at module level with break.
w = 0
while True:
    w += 3
    if w > 9000:
        break
print("while", w)
