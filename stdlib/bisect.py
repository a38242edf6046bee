"""Bisection algorithms: keep a list sorted as items are inserted, and
find where an item goes, without sorting again.

weft note: the searches are native (_bisect)."""

from _bisect import bisect_left, bisect_right, insort_left, insort_right

bisect = bisect_right
insort = insort_right

__all__ = ["bisect", "bisect_left", "bisect_right", "insort", "insort_left",
           "insort_right"]
