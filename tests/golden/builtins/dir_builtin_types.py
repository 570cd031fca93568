# dir() of builtin types: the public names match CPython's.
for t in (str, list, dict, int, float, tuple, set, frozenset, bytes, bool, range, complex):
    print(t.__name__, [n for n in dir(t) if not n.startswith('_')])
print(dir(object))
print('append' in dir([]), 'real' in dir(5), 'keys' in dir({}))
