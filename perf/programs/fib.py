# Naive doubly-recursive Fibonacci: measures call overhead.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 35


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    print(fib(N))


main()
