# Iterative radix-2 FFT on complex numbers stored as separate float lists.
# Transforms a pseudo-random signal forward and back, repeatedly, and checks
# the round trip plus a few spectral values.
import sys
import math

LOG_N = 12
REPEAT = int(sys.argv[1]) if len(sys.argv) > 1 else 110


def lcg_stream(seed):
    state = seed
    while True:
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        yield state / 2147483648.0


def bit_reverse_table(n, bits):
    table = [0] * n
    for i in range(n):
        r = 0
        x = i
        for _ in range(bits):
            r = (r << 1) | (x & 1)
            x >>= 1
        table[i] = r
    return table


def twiddles(n):
    cos_t = [0.0] * (n // 2)
    sin_t = [0.0] * (n // 2)
    for k in range(n // 2):
        ang = 2.0 * math.pi * k / n
        cos_t[k] = math.cos(ang)
        sin_t[k] = math.sin(ang)
    return cos_t, sin_t


def fft_inplace(re, im, rev, cos_t, sin_t, inverse):
    n = len(re)
    for i in range(n):
        j = rev[i]
        if j > i:
            re[i], re[j] = re[j], re[i]
            im[i], im[j] = im[j], im[i]
    sign = 1.0 if inverse else -1.0
    size = 2
    while size <= n:
        half = size >> 1
        step = n // size
        for start in range(0, n, size):
            k = 0
            for m in range(start, start + half):
                wr = cos_t[k]
                wi = sign * sin_t[k]
                o = m + half
                xr = re[o]
                xi = im[o]
                tr = wr * xr - wi * xi
                ti = wr * xi + wi * xr
                ur = re[m]
                ui = im[m]
                re[m] = ur + tr
                im[m] = ui + ti
                re[o] = ur - tr
                im[o] = ui - ti
                k += step
        size <<= 1
    if inverse:
        inv = 1.0 / n
        for i in range(n):
            re[i] *= inv
            im[i] *= inv


def main():
    n = 1 << LOG_N
    rev = bit_reverse_table(n, LOG_N)
    cos_t, sin_t = twiddles(n)
    rnd = lcg_stream(42)
    orig_re = [next(rnd) - 0.5 for _ in range(n)]
    orig_im = [next(rnd) - 0.5 for _ in range(n)]
    re = orig_re[:]
    im = orig_im[:]
    power = 0.0
    for _ in range(REPEAT):
        fft_inplace(re, im, rev, cos_t, sin_t, False)
        power += re[1] * re[1] + im[1] * im[1]
        fft_inplace(re, im, rev, cos_t, sin_t, True)
    err = 0.0
    for i in range(n):
        d = abs(re[i] - orig_re[i]) + abs(im[i] - orig_im[i])
        if d > err:
            err = d
    fft_inplace(re, im, rev, cos_t, sin_t, False)
    print(f"dc={re[0]:.6f},{im[0]:.6f}")
    print(f"bin7={re[7]:.6f},{im[7]:.6f}")
    print(f"power={power:.6f}")
    print("roundtrip_ok" if err < 1e-9 else f"roundtrip_err={err}")


main()
