# Int arithmetic that leaves i64 for one step inside a traced loop: `h * K` becomes a bigint (made by
# the interpreter's arithmetic from the trace) and the following mask brings it back to an int; a
# function whose loop has a trace returns a tuple to its caller's loop (the side trace that returns
# builds the tuple for real).


def rolling_hash(vals):
    h = 0
    for v in vals:
        h = (h * 1000003 + v) & 0xFFFFFFFFFFFF
    return h


print(rolling_hash(list(range(3000))))
print(rolling_hash([2**40, 5, -7] * 500))


def mixed(n):
    out = 0
    for i in range(n):
        big = (i + 1) * 0x7FFFFFFFFFFF  # above i64 from i = 0x10000 on
        out = (out + big % 1000000007 + (big & 0xFFFF)) % 998244353
    return out


print(mixed(70000))


def best(xs):
    best_i = None
    best_v = None
    for i in range(len(xs)):
        if best_v is None or xs[i] < best_v:
            best_i = i
            best_v = xs[i]
    return best_i, best_v


def scan(rows):
    total = 0
    for r in rows:
        i, v = best(r)
        total += i * 10 + v
    return total


print(scan([[5, 3, 8, 1, 9, 2][k % 3:] + [k % 7] for k in range(600)]))
