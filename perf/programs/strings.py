# String processing: build a document from pseudo-random words, then split,
# replace, case-convert, search, format and join it repeatedly.
import sys

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 300

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "vo", "ri", "an", "el",
             "or", "us", "qu", "zy", "th", "sh"]


def make_words(n, seed):
    s = seed
    words = []
    for _ in range(n):
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        parts = []
        for k in range(1 + s % 4):
            parts.append(SYLLABLES[(s >> (4 * k + 3)) & 15])
        words.append("".join(parts))
    return words


def build_document(words):
    lines = []
    line = []
    width = 0
    for i, w in enumerate(words):
        if i % 17 == 0:
            w = w.capitalize()
        line.append(w)
        width += len(w) + 1
        if width > 60:
            lines.append(" ".join(line) + ".")
            line = []
            width = 0
    if line:
        lines.append(" ".join(line) + ".")
    return "\n".join(lines)


def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


def process(doc, r):
    h = 0
    lines = doc.split("\n")
    for i, line in enumerate(lines):
        words = line.rstrip(".").split(" ")
        if i % 3 == 0:
            line = line.replace("ka", "KA").replace("th", "ð")
        elif i % 3 == 1:
            line = line.upper()
        else:
            line = "-".join(reversed(words))
        tag = f"{i:05d}|{len(words):3d}|{line[:12]:<12}|{r}"
        h = (h * 33 + hash_str(tag)) & 0xFFFFFFFF
        if "su" in line:
            h ^= line.find("su")
        if line.startswith("Ka") or line.endswith("us."):
            h += 1
    return h


def hash_str(s):
    h = 5381
    for ch in s:
        h = (h * 33 + ord(ch)) & 0xFFFFFFFF
    return h


def main():
    words = make_words(12000, 17)
    doc = build_document(words)
    print("chars", len(doc), "lines", doc.count("\n") + 1)
    acc = 0
    for r in range(ROUNDS):
        acc ^= process(doc, r)
        acc = (acc * 7 + r) & 0xFFFFFFFF
    print("process", acc)
    secret = caesar(doc[:20000], 7)
    back = caesar(secret, 19)
    print("caesar", hash_str(secret), back == doc[:20000])
    counts = {}
    for w in doc.lower().replace(".", " ").split():
        key = w[:2]
        counts[key] = counts.get(key, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print("prefixes", top)
    print("title", " ".join(words[:6]).title(), "|", "x".join(words[6:9]).center(30, "*"))


main()
