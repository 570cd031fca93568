# Sorting with key functions: records sorted by attribute getters, lambdas,
# tuples, reversed orders, stable multi-pass sorts and a user class ordered by
# __lt__; plus a hand-written merge sort for comparison.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000


class Record:
    def __init__(self, ident, name, score, group):
        self.ident = ident
        self.name = name
        self.score = score
        self.group = group


class Version:
    __slots__ = ("major", "minor", "patch")

    def __init__(self, major, minor, patch):
        self.major = major
        self.minor = minor
        self.patch = patch

    def __lt__(self, other):
        if self.major != other.major:
            return self.major < other.major
        if self.minor != other.minor:
            return self.minor < other.minor
        return self.patch < other.patch

    def __repr__(self):
        return "%d.%d.%d" % (self.major, self.minor, self.patch)


def make_records(n, seed):
    s = seed
    recs = []
    letters = "abcdefghijklmnopqrstuvwxyz"
    for i in range(n):
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        name = letters[s % 26] + letters[(s >> 5) % 26] + letters[(s >> 10) % 26] * ((s >> 20) % 3)
        recs.append(Record(i, name, (s >> 12) % 1000, (s >> 3) % 7))
    return recs


def merge_sort(xs, key):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left = merge_sort(xs[:mid], key)
    right = merge_sort(xs[mid:], key)
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def digest(items):
    h = 0
    for r in items:
        h = (h * 31 + r.ident) % 1000000007
    return h


def main():
    recs = make_records(N, 31337)
    by_score = sorted(recs, key=lambda r: r.score)
    by_name_desc = sorted(recs, key=lambda r: r.name, reverse=True)
    by_tuple = sorted(recs, key=lambda r: (r.group, -r.score, r.name))
    print("score", digest(by_score), by_score[0].score, by_score[-1].score)
    print("name", digest(by_name_desc), by_name_desc[0].name)
    print("tuple", digest(by_tuple))

    # stable two-pass sort equals the tuple sort on (group, name)
    two_pass = sorted(recs, key=lambda r: r.name)
    two_pass.sort(key=lambda r: r.group)
    direct = sorted(recs, key=lambda r: (r.group, r.name))
    print("stable", digest(two_pass) == digest(direct))

    ms = merge_sort(recs, lambda r: r.score)
    print("merge", digest(ms) == digest(by_score))

    versions = []
    s = 5
    for _ in range(N // 2):
        s = (s * 69069 + 1) & 0xFFFFFFFF
        versions.append(Version(s % 5, (s >> 8) % 20, (s >> 16) % 50))
    versions.sort()
    print("versions", versions[0], versions[len(versions) // 2], versions[-1])

    words = [r.name for r in recs]
    words.sort(key=str.upper)
    words.sort(key=len)
    print("words", words[:3], words[-1])
    ints = [(i * 7919) % 10007 for i in range(N)]
    print("ints", sorted(ints, key=lambda v: (v % 10, v))[:5], max(ints), min(ints))


main()
