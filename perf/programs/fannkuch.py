# Fannkuch-redux: maximum number of prefix reversals ("flips") over all
# permutations of 1..n, plus an alternating checksum of flip counts.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 9
REPEAT = 3


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        # count flips of the current permutation
        perm = perm1[:]
        flips = 0
        first = perm[0]
        while first != 0:
            # reverse perm[0..first]
            i = 0
            j = first
            while i < j:
                perm[i], perm[j] = perm[j], perm[i]
                i += 1
                j -= 1
            flips += 1
            first = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if sign > 0 else -flips
        sign = -sign
        # next permutation (counting order)
        while True:
            if r == n:
                return checksum, max_flips
            p0 = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    for _ in range(REPEAT):
        checksum, flips = fannkuch(N)
    print(checksum)
    print(f"Pfannkuchen({N}) = {flips}")


main()
