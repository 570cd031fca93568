# format() of complex numbers: the mini-language minus '%', '=' and zero padding.
def show(spec, z=1 + 2j):
    try:
        print(repr(spec), repr(format(z, spec)))
    except Exception as e:
        print(repr(spec), type(e).__name__ + ":", e)


for spec in ["", "10", "<15", ">15", "^15", "*^16", "e", ".2e", "E", "f", ".1f", "F", "g", ".3g", "G",
             "n", "+", "-", " ", "+.2f", " g", "#.0f", "#g", "z.1f", ",", "_.2f", ",.2f", ".0f",
             "010", "0<10", "=10", "%", "d", "x", "s", ".3", "15.3"]:
    show(spec)
for z in [1.5j, -0.0 - 0.0j, complex(float("nan"), float("inf")), 1234567 + 7654321j, 1e100 + 1e-100j,
          complex(-1.25, 0), complex(0, -3)]:
    for spec in ["", ".3", "g", ".2f", "+", ",.1f", "z.1f", ">20"]:
        show(spec, z)
print(f"{3-4j:>12}|{3-4j:<12}|{2.5j:^10.2f}|{1j!r:>6}|{1+1j!s}")
print("{:.2f} {:e}".format(1 + 1j, 0.5j))
