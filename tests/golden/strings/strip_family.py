s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("xyhiyx".strip("xy")), repr("abcba".lstrip("ab")), repr("abcba".rstrip("ab")))
print(repr("".strip()), repr("   ".strip()), repr("nochange".strip()))
print(repr("0012300".strip("0")), repr("...a.b...".rstrip(".")))
print(repr("www.example.com".strip("cmowz.")))
