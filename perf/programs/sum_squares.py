# The simplest hot loop: accumulate i * i over a range in a function.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3 * 10 ** 7


def sum_squares(n):
    s = 0
    for i in range(n):
        s += i * i
    return s


def main():
    print(sum_squares(N))


main()
