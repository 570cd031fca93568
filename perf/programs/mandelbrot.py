# Escape-time Mandelbrot set on a grid; prints the total iteration count and
# a coarse row-hash so mistakes in individual pixels are caught.
import sys

SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 730
MAX_ITER = 100


def escape_time(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    for k in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return k
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit


def render(size, limit):
    total = 0
    inside = 0
    row_hash = 0
    for y in range(size):
        ci = -1.25 + 2.5 * y / size
        row = 0
        for x in range(size):
            cr = -2.1 + 2.8 * x / size
            k = escape_time(cr, ci, limit)
            total += k
            if k == limit:
                inside += 1
            row = (row * 31 + k) & 0xFFFFFFFF
        row_hash = (row_hash ^ row) * 16777619 & 0xFFFFFFFF
    return total, inside, row_hash


def main():
    total, inside, h = render(SIZE, MAX_ITER)
    print(total, inside, h)


main()
