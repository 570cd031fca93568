# A lazy pipeline of generators: a source of pseudo-random integers flows
# through filtering, mapping, windowing, chunking and zipping stages.
import sys

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 2200000


def lcg(seed):
    s = seed
    while True:
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        yield s


def take(n, it):
    i = 0
    for x in it:
        if i >= n:
            return
        yield x
        i += 1


def keep(pred, it):
    for x in it:
        if pred(x):
            yield x


def apply(fn, it):
    for x in it:
        yield fn(x)


def window_sums(it, width):
    buf = []
    total = 0
    for x in it:
        buf.append(x)
        total += x
        if len(buf) > width:
            total -= buf.pop(0)
        if len(buf) == width:
            yield total


def chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def running_max(it):
    best = None
    for x in it:
        if best is None or x > best:
            best = x
        yield best


def interleave(a, b):
    for x, y in zip(a, b):
        yield x
        yield y


def flatten(it):
    for chunk in it:
        yield from chunk


def main():
    src = take(COUNT, lcg(99))
    small = apply(lambda v: v % 1000, src)
    odd = keep(lambda v: v & 1, small)
    sums = window_sums(odd, 8)
    groups = chunks(sums, 16)
    digests = (sum(g) % 9973 for g in groups)
    peaks = running_max(digests)
    total = 0
    n = 0
    last = 0
    for p in peaks:
        total += p
        n += 1
        last = p
    print("stage1", n, total, last)

    evens = (x for x in range(COUNT) if x % 3 != 0)
    squares = (x * x % 7919 for x in range(COUNT))
    mixed = interleave(evens, squares)
    flat = flatten(chunks(mixed, 7))
    acc = 0
    for i, v in enumerate(flat):
        acc = (acc + i * v) % 1000000007
    print("stage2", acc)


main()
