# Word frequency counting with dicts: generate Zipf-ish text from a
# pseudo-random generator, count words and bigrams, merge counters and report
# the most frequent entries (ties broken alphabetically).
import sys

WORDS = int(sys.argv[1]) if len(sys.argv) > 1 else 350000

VOCAB_SIZE = 40000


def make_vocab(n):
    letters = "etaoinshrdlucmfwypvbgkjqxz"
    vocab = []
    for i in range(n):
        w = []
        x = i * 7 + 3
        while True:
            w.append(letters[x % 26])
            x //= 26
            if x == 0:
                break
        vocab.append("".join(w))
    return vocab


def generate(n, vocab, seed):
    s = seed
    out = []
    m = len(vocab)
    for _ in range(n):
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        u = (s >> 8) % 10000 + 1
        # skew towards small indices
        idx = (m * u * u // 100000000) % m
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        if s & 3 == 0:
            idx = (s >> 5) % m
        out.append(vocab[idx])
    return out


def count_words(words):
    counts = {}
    for w in words:
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    return counts


def count_bigrams(words):
    counts = {}
    prev = None
    for w in words:
        if prev is not None:
            key = (prev, w)
            counts[key] = counts.get(key, 0) + 1
        prev = w
    return counts


def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


def top(counts, n):
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def main():
    vocab = make_vocab(VOCAB_SIZE)
    text = generate(WORDS, vocab, 4242)
    half = len(text) // 2
    c1 = count_words(text[:half])
    c2 = count_words(text[half:])
    total = merge(c1, c2)
    print("distinct", len(total), "total", sum(total.values()))
    print("top", top(total, 8))
    bigrams = count_bigrams(text)
    print("bigrams", len(bigrams), top(bigrams, 3))
    by_len = {}
    for w, c in total.items():
        by_len.setdefault(len(w), []).append(c)
    print("by_len", sorted((k, len(v), sum(v)) for k, v in by_len.items()))
    rare = {w for w, c in total.items() if c <= 2}
    print("rare", len(rare), min(rare), max(rare))


main()
