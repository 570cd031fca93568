# case mapping with full Unicode semantics
samples = ["Hello World", "HELLO wORLD", "they're bill's friends", "a1b2 c3d", "", "123", "ß", "straße", "İstanbul", "ǆungla", "ǅ", "ǈ", "ΣΑΣ", "ΑΣ ΑΣ", "ΟΔΥΣΣΕΥΣ", "aΣb", "a'Σ", "ΣΣ", "ﬁnish", "ﬃ", "ŉ", "ǰ", "ᾳ", "éCOLE", "ÿ", "ǅa ǆb", "Ⅻ ⅻ", "ⓐⓑ", "𐐨𐐀", "ΑΣ\u0345", "ΑΣ\u0301"]
for s in samples:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.casefold()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
    print("   ", s.isupper(), s.islower(), s.istitle(), len(s.upper()), len(s.lower()))
print(len("İ".lower()), [hex(ord(c)) for c in "İ".lower()], "ß".upper() == "SS", "ǆ".title() == "ǅ")
print("ß".casefold() == "ss".casefold(), "Straße".casefold() == "STRASSE".casefold())
print(str.upper("x"), str.lower("ABC"), str.title("a b"), str.capitalize("hELLO"), str.swapcase("aB"))
titles = ["Hello World", "Hello world", "HELLO", "A1 B2", "ǅa", "1", "A'B", "Hello  World", "hello", "Ab Cd Ef"]
print([t.istitle() for t in titles])
