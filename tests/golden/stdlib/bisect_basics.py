# bisect: insertion points, insort, lo/hi bounds, key=, errors.
import bisect

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_right(a, 2, hi=2))
print(bisect.bisect_right(a, 2, lo=5), bisect.bisect_left(a, 9, hi=-3))

s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(s, x)
print(s)
bisect.insort_left(s, 5)
bisect.insort_right(s, 5.0)
print(s)

# Grades: the classic table lookup.
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(score) for score in [33, 99, 77, 70, 89, 90, 100]])

# key= (3.10+): search records by a field.
recs = [(1, "one"), (3, "three"), (5, "five")]
print(bisect.bisect_left(recs, 3, key=lambda r: r[0]), bisect.bisect_right(recs, 3, key=lambda r: r[0]))
bisect.insort(recs, (4, "four"), key=lambda r: r[0])
print(recs)

# Other sequences: tuples, strings, ranges.
print(bisect.bisect((10, 20, 30), 25), bisect.bisect("aceg", "d"), bisect.bisect_left(range(0, 100, 5), 42))

def attempt(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__ + ":", e)

attempt(bisect.bisect_right, [1], 1, -1)
attempt(bisect.bisect_right, [1])
attempt(bisect.bisect_right, 5, 1)
attempt(bisect.bisect_right, [1], 1, foo=3)
attempt(bisect.bisect_right, [1, 2], 1, lo=None)
attempt(bisect.bisect_right, [1, 2], 1, 0, 10)
attempt(bisect.bisect_right, [1], 2, 0, 1, 5)
attempt(bisect.insort, (1, 2), 3)
attempt(bisect.bisect, [1, "a"], 2)
