# A key __eq__ that mutates the set being searched: clearing or resizing it restarts the
# lookup; the lookups never fail on the mutation (as in CPython).
class K:
    def __init__(s, h, act): s.h = h; s.act = act
    def __hash__(s): return s.h
    def __eq__(s, o):
        if s.act == "clear":
            st.clear()
        elif s.act == "grow":
            for i in range(20):
                st.add(1000 + i)
        return False
st = {K(1, None)}
print(K(1, "clear") in st, len(st))
st = {K(1, None)}
st.discard(K(1, "grow"))
print(len(st))
st = {K(1, None), 5}
print(st.isdisjoint([K(1, "clear")]), len(st))
st = {K(1, None)}
try:
    st.remove(K(1, "clear"))
except KeyError:
    print("KeyError", len(st))
fs = frozenset([K(2, None)])
print(K(2, None) in fs)
