# complex(): numbers, strings in CPython's syntax, keyword arguments, and the errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: complex())
show(lambda: complex(2))
show(lambda: complex(2.5))
show(lambda: complex(True))
show(lambda: complex(1, 2))
show(lambda: complex(1.5, -0.5))
show(lambda: complex(1j, 1j))
show(lambda: complex(1 + 2j, 3))
show(lambda: complex(2, 1j))
show(lambda: complex(real=1, imag=2))
show(lambda: complex(imag=2))
show(lambda: complex(imag=2j))
show(lambda: complex(real=1j))
for s in ["1", "1.5", "-2", "j", "-J", "+j", "1+j", "1-j", "2j", "1+2j", "-1.5-2.5j", "1e3-1.5e-3j",
          " ( 1+2j ) ", "(3)", "\t4j\n", "1_0j", "1_000+2_0j", "inf", "-infj", "nan+nanj",
          "infinity-infinityj", "1E5J", ".5j", "5.j", "0x1j", "1+2", "1 + 2j", "", " ", "()",
          "(1+2j", "1+2j)", "1j+2", "j1", "1__0j", "_1j", "1_j", "jj", "1+2jj", "++1j", "1e", "e1j"]:
    show(lambda: complex(s))
show(lambda: complex("1", 2))
show(lambda: complex(1, "2"))
show(lambda: complex(None))
show(lambda: complex([]))
show(lambda: complex(1, None))
show(lambda: complex(1, 2, 3))
show(lambda: complex(1, imag=2, x=3))
show(lambda: complex(x=3))
show(lambda: complex(10**400))
show(lambda: complex(1, 10**400))


class Num:
    def __init__(self, v):
        self.v = v

    def __complex__(self):
        return self.v


class Flt:
    def __float__(self):
        return 2.5


show(lambda: complex(Num(1 + 1j)))
show(lambda: complex(Num(5)))
show(lambda: complex(Flt()))
show(lambda: complex(1, Flt()))
