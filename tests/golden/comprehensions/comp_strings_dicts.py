text = "Hello World From Python"
print([w[0] for w in text.split()], "".join([w[0] for w in text.split()]))
print([w.lower() for w in text.split() if len(w) > 4])
print({w: len(w) for w in text.split()})
scores = {"ann": 91, "bob": 78, "cid": 85, "dee": 62}
print([name for name, s in scores.items() if s >= 80])
print({name: ("pass" if s >= 70 else "fail") for name, s in scores.items()})
print(sorted([(s, n) for n, s in scores.items()], reverse=True))
print([ord(c) - 96 for c in "abcxyz"])
print(["".join([c for c in w if c not in "aeiou"]) for w in ["banana", "kiwi", "apple"]])
caesar = "".join([chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "xyz abc"])
print(caesar)
