# Small language facts: Ellipsis equality, SystemExit.code, __import__, float keys vs equal objects.
print(... == Ellipsis, ... is Ellipsis, [...] == [Ellipsis])
for args in ((), (3,), ('msg',), (1, 2)):
    try:
        raise SystemExit(*args)
    except SystemExit as e:
        print(repr(e.code))
m = __import__('os.path')
print(m.__name__)
m2 = __import__('os.path', fromlist=['join'])
print(m2.__name__.endswith('path'))
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return self.v == other
d = {K(1): 'one'}
print(d.get(1.0), d.get(1), d.get(True), 1.0 in d)
