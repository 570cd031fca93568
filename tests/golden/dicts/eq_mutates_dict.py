# A key __eq__ that mutates the dict being searched: when it cleared or resized the dict the
# lookup starts again; other changes let it go on (as CPython does).
class K:
    def __init__(s, h, mut): s.h = h; s.mut = mut
    def __hash__(s): return s.h
    def __eq__(s, o):
        if s.mut:
            d.clear()
        return False
d = {K(1, True): 1}
print(K(1, False) in d)
print(len(d))
d = {K(1, False): 1}
print(K(1, True) in d, len(d))
class M:
    def __hash__(s): return 5
    def __eq__(s, o):
        d2[len(d2) + 100] = 0
        return False
d2 = {M(): 1}
try:
    print(M() in d2, len(d2))
except Exception as e:
    print(type(e).__name__, e)
