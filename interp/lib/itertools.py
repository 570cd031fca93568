"""Functions creating iterators for efficient looping (CPython's itertools, same results and errors).

Each iterator is a class named as in CPython (`type(x).__name__` is 'product', ...). Most of them run an
internal generator: `__iter__` hands that generator to `for` loops directly, so a loop over
`product(...)` costs one generator resume per item. `count` and `repeat` keep explicit state for their
reprs.
"""

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement', 'compress',
           'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee', 'zip_longest']

_MAXSIZE = 9223372036854775807


class _GenIter:
    """An itertools object backed by a generator (`self._it`)."""

    def __iter__(self):
        return self._it

    def __next__(self):
        return next(self._it)


def _is_number(x):
    if isinstance(x, (int, float)):
        return True
    if isinstance(x, (str, bytes, list, tuple, dict, set)):
        return False
    return hasattr(type(x), '__add__')


class count:
    """count(start=0, step=1): start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return f'count({self._n!r})'
        return f'count({self._n!r}, {self._step!r})'


class repeat:
    """repeat(object [,times]): object, times times (forever if times is not given)."""

    def __init__(self, object, times=None):
        self._obj = object
        if times is None:
            self._left = None
        else:
            if not isinstance(times, int):
                raise TypeError(f"'{type(times).__name__}' object cannot be interpreted as an integer")
            self._left = times if times > 0 else 0

    def __iter__(self):
        return self

    def __next__(self):
        left = self._left
        if left is None:
            return self._obj
        if left <= 0:
            raise StopIteration
        self._left = left - 1
        return self._obj

    def __length_hint__(self):
        if self._left is None:
            raise TypeError('len() of unsized object')
        return self._left

    def __repr__(self):
        if self._left is None:
            return f'repeat({self._obj!r})'
        return f'repeat({self._obj!r}, {self._left})'


def _cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    if not saved:
        return
    while True:
        for x in saved:
            yield x


class cycle(_GenIter):
    """cycle(iterable): the iterable's items, then the saved items again, forever."""

    def __init__(self, iterable):
        self._it = _cycle(iter(iterable))


def _accumulate(it, func, initial):
    if initial is not None:
        total = initial
        yield total
    else:
        try:
            total = next(it)
        except StopIteration:
            return
        yield total
    if func is None:
        for x in it:
            total = total + x
            yield total
    else:
        for x in it:
            total = func(total, x)
            yield total


class accumulate(_GenIter):
    """accumulate(iterable, func=None, *, initial=None): running totals (or results of func)."""

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = _accumulate(iter(iterable), func, initial)


def _chain(iterables):
    for it in iterables:
        for x in it:
            yield x


class chain(_GenIter):
    """chain(*iterables): the items of each iterable in turn."""

    def __init__(self, *iterables):
        self._it = _chain(iterables)

    @classmethod
    def from_iterable(cls, iterable):
        self = object.__new__(cls)
        self._it = _chain(iterable)
        return self


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


class compress(_GenIter):
    """compress(data, selectors): the items of data whose selector is true."""

    def __init__(self, data, selectors):
        self._it = _compress(iter(data), iter(selectors))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


class dropwhile(_GenIter):
    """dropwhile(predicate, iterable): skip items while predicate holds, then yield the rest."""

    def __init__(self, predicate, iterable):
        self._it = _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if not predicate(x):
            return
        yield x


class takewhile(_GenIter):
    """takewhile(predicate, iterable): items while predicate holds."""

    def __init__(self, predicate, iterable):
        self._it = _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        for x in it:
            if not x:
                yield x
    else:
        for x in it:
            if not predicate(x):
                yield x


class filterfalse(_GenIter):
    """filterfalse(predicate, iterable): the items for which predicate is false."""

    def __init__(self, predicate, iterable):
        self._it = _filterfalse(predicate, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


class starmap(_GenIter):
    """starmap(function, iterable): function(*args) for each args in iterable."""

    def __init__(self, function, iterable):
        self._it = _starmap(function, iter(iterable))


def _pairwise(it):
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


class pairwise(_GenIter):
    """pairwise(iterable): overlapping pairs (s0, s1), (s1, s2), ..."""

    def __init__(self, iterable):
        self._it = _pairwise(iter(iterable))


def _islice_index(v, what):
    if v is None:
        return None
    try:
        i = v if isinstance(v, int) else type(v).__index__(v)
    except (AttributeError, TypeError):
        i = -1
    if not isinstance(i, int) or i < 0 or i > _MAXSIZE:
        raise ValueError(what)
    return i


def _islice(it, start, stop, step):
    # CPython's bookkeeping: `cnt` items consumed so far, `nxt` the index of the next item to yield
    # (clamped to stop), so exactly as many items are consumed from the source as CPython consumes.
    cnt = 0
    nxt = start
    while True:
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


class islice(_GenIter):
    """islice(iterable, stop) or islice(iterable, start, stop[, step]): selected items."""

    def __init__(self, iterable, *args):
        if not args:
            raise TypeError('islice expected at least 2 arguments, got 1')
        if len(args) > 3:
            raise TypeError(f'islice expected at most 4 arguments, got {len(args) + 1}')
        if len(args) == 1:
            start, stop, step = None, args[0], None
        else:
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else None
        stop = _islice_index(stop, 'Stop argument for islice() must be None or an integer: '
                                   '0 <= x <= sys.maxsize.')
        start = _islice_index(start, 'Indices for islice() must be None or an integer: '
                                     '0 <= x <= sys.maxsize.')
        if step is not None:
            try:
                step = _islice_index(step, '')
            except ValueError:
                step = 0
            if step < 1:
                raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = _islice(iter(iterable), start or 0, stop, step or 1)


def _zip_longest(its, fillvalue):
    active = len(its)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(its):
            if it is None:
                values.append(fillvalue)
                continue
            try:
                values.append(next(it))
            except StopIteration:
                active -= 1
                if not active:
                    return
                its[i] = None
                values.append(fillvalue)
        yield tuple(values)


class zip_longest(_GenIter):
    """zip_longest(*iterables, fillvalue=None): zip, padding the shorter iterables."""

    def __init__(self, *iterables, **kwargs):
        fillvalue = None
        for k, v in kwargs.items():
            if k != 'fillvalue':
                raise TypeError('zip_longest() got an unexpected keyword argument')
            fillvalue = v
        self._it = _zip_longest([iter(it) for it in iterables], fillvalue)


def _product(pools):
    if any(len(p) == 0 for p in pools):
        return
    n = len(pools)
    indices = [0] * n
    yield tuple([p[0] for p in pools])
    while True:
        # Advance the rightmost index that can move; reset the ones after it.
        i = n - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple([pools[j][indices[j]] for j in range(n)])


class product(_GenIter):
    """product(*iterables, repeat=1): the cartesian product, rightmost element advancing fastest."""

    def __init__(self, *iterables, repeat=1):
        if not isinstance(repeat, int):
            raise TypeError(f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(p) for p in iterables] * repeat
        self._it = _product(pools)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    # cycles[i] counts down the choices left for position i.
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        i = r - 1
        while i >= 0:
            cycles[i] -= 1
            if cycles[i] == 0:
                # Rotate position i's element to the end and reset its counter.
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
                i -= 1
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple([pool[k] for k in indices[:r]])
                break
        if i < 0:
            return


def _r_arg(r):
    if not isinstance(r, int):
        raise TypeError(f"'{type(r).__name__}' object cannot be interpreted as an integer")
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


class permutations(_GenIter):
    """permutations(iterable, r=None): r-length orderings of the items, in lexicographic index order."""

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        r = len(pool) if r is None else _r_arg(r)
        self._it = _permutations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        # The rightmost index that has not reached its maximum.
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[k] for k in indices])


class combinations(_GenIter):
    """combinations(iterable, r): r-length subsequences, in lexicographic index order."""

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        self._it = _combinations(pool, _r_arg(r))


def _cwr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            return
        v = indices[i] + 1
        for j in range(i, r):
            indices[j] = v
        yield tuple([pool[k] for k in indices])


class combinations_with_replacement(_GenIter):
    """combinations_with_replacement(iterable, r): r-length subsequences allowing repeats."""

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        self._it = _cwr(pool, _r_arg(r))


_NOTHING = object()


class groupby:
    """groupby(iterable, key=None): (key, group) for runs of items with equal keys."""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _NOTHING
        self._group = None

    def __iter__(self):
        return self

    def _step(self):
        v = next(self._it)
        self._currvalue = v
        self._currkey = v if self._keyfunc is None else self._keyfunc(v)

    def __next__(self):
        self._group = token = object()
        # Skip the rest of the current run (a group that was not consumed).
        while self._currkey is _NOTHING or (self._tgtkey is not _NOTHING and self._currkey == self._tgtkey):
            self._step()
        self._tgtkey = self._currkey
        return self._currkey, _grouper(self, self._tgtkey, token)


def _grouper_gen(parent, tgtkey, token):
    while parent._group is token and parent._currkey is not _NOTHING and parent._currkey == tgtkey:
        yield parent._currvalue
        try:
            parent._step()
        except StopIteration:
            parent._currkey = _NOTHING
            parent._tgtkey = _NOTHING
            return


class _grouper(_GenIter):
    def __init__(self, parent, tgtkey, token):
        self._it = _grouper_gen(parent, tgtkey, token)


class _tee:
    """One of tee()'s iterators: a cursor into a shared linked list of buffered items."""

    def __init__(self, it, link):
        self._src = it
        self._link = link   # [value, next link] or [_NOTHING, None] for the end not yet fetched

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link[1] is None:
            value = next(self._src)
            link[0] = value
            link[1] = [_NOTHING, None]
        self._link = link[1]
        return link[0]

    def __copy__(self):
        return _tee(self._src, self._link)


def tee(iterable, n=2):
    """tee(iterable, n=2) --> tuple of n independent iterators."""
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    if isinstance(iterable, _tee):
        first = iterable.__copy__()
    else:
        first = _tee(iter(iterable), [_NOTHING, None])
    return tuple([first] + [first.__copy__() for _ in range(n - 1)])
