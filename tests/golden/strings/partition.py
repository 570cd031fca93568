for s in ["key=value", "key=val=ue", "novalue", "=start", "end=", ""]:
    print(repr(s), s.partition("="), s.rpartition("="))
print("a::b::c".partition("::"), "a::b::c".rpartition("::"))
url = "https://host.example/path/to/page"
scheme, _, rest = url.partition("://")
host, _, path = rest.partition("/")
print(scheme, host, path)
head, _, tail = path.rpartition("/")
print(head, tail)
