# Set operators and methods whose key __eq__ empties one of the sets mid-operation: they work on
# copies of the sets (no borrow is held while Python code runs), as CPython's give the same results.
class K:
    def __init__(self, target=None):
        self.target = target
    def __hash__(self):
        return 1
    def __eq__(self, o):
        if self.target is not None:
            self.target.clear()
        return False

for op in ["|", "&", "-", "^", "<=", "<", ">=", ">", "==", "!="]:
    a = set()
    a.add(K(a))
    b = {K(a)}
    try:
        r = eval("a " + op + " b")
        print(op, r if isinstance(r, bool) else len(r), len(a))
    except Exception as e:
        print(op, type(e).__name__, e)
for m in ["union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset"]:
    a = set()
    a.add(K(a))
    b = {K(a)}
    r = getattr(a, m)(b)
    print(m, r if isinstance(r, bool) else len(r), len(a))
