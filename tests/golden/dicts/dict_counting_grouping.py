text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
by_len = {}
for w in text.split():
    by_len.setdefault(len(w), []).append(w)
print(by_len)
for length in sorted(by_len):
    print(length, sorted(set(by_len[length])))
letters = {}
for ch in text.replace(" ", ""):
    letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters, key=lambda c: (-letters[c], c))
print(top[:5], [letters[c] for c in top[:5]])
nested = {}
for i in range(6):
    nested.setdefault(i % 2, {}).setdefault(i % 3, []).append(i)
print(nested)
