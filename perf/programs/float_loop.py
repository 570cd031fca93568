# Tight floating-point loops: numerical integration with the midpoint rule,
# a damped oscillator integrated with velocity Verlet, and a logistic map.
import sys
import math

N = int(sys.argv[1]) if len(sys.argv) > 1 else 5500000


def integrate(n):
    # integral of 4 / (1 + x^2) over [0, 1] == pi
    h = 1.0 / n
    s = 0.0
    x = 0.5 * h
    for _ in range(n):
        s += 4.0 / (1.0 + x * x)
        x += h
    return s * h


def oscillator(steps):
    x = 1.0
    v = 0.0
    k = 4.0
    c = 0.001
    dt = 0.001
    a = -k * x - c * v
    energy_min = 1e300
    for _ in range(steps):
        x += v * dt + 0.5 * a * dt * dt
        a_new = -k * x - c * v
        v += 0.5 * (a + a_new) * dt
        a = a_new
        e = 0.5 * v * v + 0.5 * k * x * x
        if e < energy_min:
            energy_min = e
    return x, v, energy_min


def logistic(steps):
    r = 3.7
    x = 0.4
    acc = 0.0
    for _ in range(steps):
        x = r * x * (1.0 - x)
        acc += x
    return acc / steps


def main():
    pi = integrate(N)
    print(f"pi {pi:.9f} err_ok {abs(pi - math.pi) < 1e-9}")
    x, v, e = oscillator(N)
    print(f"osc {x:.9f} {v:.9f} {e:.9f}")
    print(f"logistic {logistic(N // 10):.6f}")


main()
