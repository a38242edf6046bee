"""Heap queue algorithm (a.k.a. priority queue): lists kept as binary
min-heaps, heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2], so heap[0]
is the smallest item.

weft note: the heap operations are native (_heapq); merge, nlargest and
nsmallest are written here.
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge",
           "nlargest", "nsmallest", "heappushpop"]

from _heapq import (heappush, heappop, heapify, heapreplace, heappushpop,
                    _heappop_max, _heapify_max, _heapreplace_max)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator (lazily; equal items
    keep the order of the inputs they come from). Like
    sorted(itertools.chain(*iterables), key=key, reverse=reverse) for
    sorted inputs."""
    # Heap entries: [sort key, input number, value, iterator]; the input
    # number breaks ties so values themselves are never compared.
    entries = []
    for n, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            entries.append([value if key is None else key(value),
                            -n if reverse else n, value, it])
            break
    push_pop = _heapreplace_max if reverse else heapreplace
    pop = _heappop_max if reverse else heappop
    (_heapify_max if reverse else heapify)(entries)
    while len(entries) > 1:
        top = entries[0]
        yield top[2]
        for value in top[3]:
            top[0] = value if key is None else key(value)
            top[2] = value
            push_pop(entries, top)
            break
        else:
            pop(entries)
    if entries:
        last = entries[0]
        yield last[2]
        yield from last[3]


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable (by key), smallest first:
    sorted(iterable, key=key)[:n]."""
    if n <= 0:
        return []
    if n == 1:
        marker = object()
        found = min(iterable, default=marker, key=key)
        return [] if found is marker else [found]
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items of iterable (by key), largest first:
    sorted(iterable, key=key, reverse=True)[:n]."""
    if n <= 0:
        return []
    if n == 1:
        marker = object()
        found = max(iterable, default=marker, key=key)
        return [] if found is marker else [found]
    return sorted(iterable, key=key, reverse=True)[:n]
