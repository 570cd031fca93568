"""Shallow and deep copy operations (CPython's copy module, without the pickle protocol)."""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, bytes, type, range,
           type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented))


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if isinstance(x, _ATOMIC) or cls in (tuple, frozenset):
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _reconstruct_instance(x, None)


def _reconstruct_instance(x, memo):
    cls = type(x)
    try:
        state = x.__dict__
    except AttributeError:
        raise Error(f"un(shallow)copyable object of type {cls}") from None
    y = object.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
        state = deepcopy(state, memo)
    for k, v in state.items():
        setattr(y, k, v)
    return y


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects; memo maps id() of copied objects to copies."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if isinstance(x, _ATOMIC) or cls is frozenset and all(isinstance(e, _ATOMIC) for e in x):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # A tuple that contains itself (through a list) was copied while copying its items.
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(items, x)):
            y = x
        else:
            y = tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(cls, '__deepcopy__', None)
        if copier is not None:
            y = copier(x, memo)
        else:
            y = _reconstruct_instance(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Keep x alive as long as memo is (so its id() is not reused while memo maps it)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
