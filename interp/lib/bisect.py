"""Bisection algorithms: the functions are native (`_bisect`)."""

from _bisect import bisect_left, bisect_right, insort_left, insort_right

bisect = bisect_right
insort = insort_right
