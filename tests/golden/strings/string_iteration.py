s = "Mississippi"
for i, ch in enumerate(s):
    print(i, ch, end="; ")
print()
freq = {}
for ch in s:
    freq[ch] = freq.get(ch, 0) + 1
print(freq)
vowels = [c for c in s if c in "aeiouAEIOU"]
print(vowels, len(vowels))
print(list(s), tuple("ab"), sorted(s), sorted(s, reverse=True))
print(max(s), min(s), "".join(sorted(set(s))))
rev = ""
for ch in s:
    rev = ch + rev
print(rev, rev == s[::-1])
