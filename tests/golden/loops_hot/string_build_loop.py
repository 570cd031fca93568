s = ""
for i in range(5000):
    s += str(i % 10)
print(len(s), s[:20], s[-20:])
parts = []
for i in range(2000):
    parts.append(f"{i:04d}")
joined = ",".join(parts)
print(len(joined), joined[:30], joined[-14:])
count = 0
text = "abracadabra" * 500
for ch in text:
    if ch == "a":
        count += 1
print(count, text.count("a"))
rev = ""
for ch in "hello world":
    rev = ch + rev
print(rev)
words = []
w = ""
for ch in "alpha beta  gamma delta" * 50:
    if ch == " ":
        if w:
            words.append(w)
        w = ""
    else:
        w += ch
words.append(w)
print(len(words), words[:6])
