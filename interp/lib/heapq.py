"""Heap queue algorithm (a.k.a. priority queue).

The primitives (heappush, heappop, heapify, heapreplace, heappushpop) are native (`_heapq`); merge,
nlargest and nsmallest are built on them here.
"""

from _heapq import heappush, heappop, heapify, heapreplace, heappushpop
from _heapq import _heappop_max, _heapify_max, _heapreplace_max

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _heappushpop_max(heap, item):
    """Fast version of a heappush followed by a heappop on a max-heap."""
    if heap and item < heap[0]:
        return _heapreplace_max(heap, item)
    return item


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into a single sorted output (a generator); equal items keep input order."""
    # Heap entries are [sort key, tie-break, value, iterator]. The tie-break (the input's number, negated
    # for the max-heap used when reverse) is unique, so values are never compared and ties go to the
    # earlier input.
    if reverse:
        _heapify, _heappop, _heapreplace, sign = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        _heapify, _heappop, _heapreplace, sign = heapify, heappop, heapreplace, 1
    entries = []
    for order, it in enumerate(iterables):
        advance = iter(it)
        try:
            value = next(advance)
        except StopIteration:
            continue
        entries.append([value if key is None else key(value), order * sign, value, advance])
    _heapify(entries)
    while len(entries) > 1:
        entry = entries[0]
        yield entry[2]
        try:
            value = next(entry[3])
        except StopIteration:
            _heappop(entries)
            continue
        entry[0] = value if key is None else key(value)
        entry[2] = value
        _heapreplace(entries, entry)
    if entries:
        entry = entries[0]
        yield entry[2]
        advance = entry[3]
        while True:
            try:
                value = next(advance)
            except StopIteration:
                return
            yield value


def nsmallest(n, iterable, key=None):
    """The n smallest elements, as sorted(iterable, key=key)[:n] would give them."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = min(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    if n <= 0:
        return []
    # A max-heap of the n best seen so far, as [key, input position, value]: among equal keys the
    # later input is "larger", so it is evicted first and the earlier one kept (stability).
    it = iter(iterable)
    heap = []
    pos = 0
    for value in it:
        k = value if key is None else key(value)
        heap.append([k, pos, value])
        pos += 1
        if pos == n:
            break
    if not heap:
        return []
    _heapify_max(heap)
    for value in it:
        k = value if key is None else key(value)
        if k < heap[0][0]:
            _heapreplace_max(heap, [k, pos, value])
        pos += 1
    heap.sort()
    return [e[2] for e in heap]


def nlargest(n, iterable, key=None):
    """The n largest elements, as sorted(iterable, key=key, reverse=True)[:n] would give them."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = max(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    if n <= 0:
        return []
    # A min-heap of the n best seen so far, as [key, -input position, value]: among equal keys the
    # later input is "smaller", so it is evicted first.
    it = iter(iterable)
    heap = []
    pos = 0
    for value in it:
        k = value if key is None else key(value)
        heap.append([k, -pos, value])
        pos += 1
        if pos == n:
            break
    if not heap:
        return []
    heapify(heap)
    for value in it:
        k = value if key is None else key(value)
        if heap[0][0] < k:
            heapreplace(heap, [k, -pos, value])
        pos += 1
    heap.sort(reverse=True)
    return [e[2] for e in heap]
