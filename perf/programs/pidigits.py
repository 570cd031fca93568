# Digits of pi with an unbounded spigot (big-integer linear fractional
# transformations), printed 10 per line with a running count.
import sys

DIGITS = int(sys.argv[1]) if len(sys.argv) > 1 else 6000


def pi_digits():
    # State of the LFT (q r / s t) composed so far, consuming terms k.
    q, r, t, k = 1, 0, 1, 1
    while True:
        # extract: floor((3q + r) / t) == floor((4q + r) / t) ?
        d3 = (3 * q + r) // t
        d4 = (4 * q + r) // t
        if d3 == d4:
            yield d3
            q, r = 10 * q, 10 * (r - d3 * t)
        else:
            # consume next term: (k, 4k+2, 0, 2k+1)
            q, r, t = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1)
            k += 1


def main():
    line = []
    n = 0
    for d in pi_digits():
        line.append(str(d))
        n += 1
        if len(line) == 10:
            print("".join(line) + "\t:" + str(n))
            line = []
        if n == DIGITS:
            break
    if line:
        print("".join(line).ljust(10) + "\t:" + str(n))


main()
