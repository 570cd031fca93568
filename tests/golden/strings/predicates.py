tests = ["123", "12.3", "abc", "ABC", "aBc", "abc123", "", " ", " \t\n", "a b", "Ⅻ", "٣", "²", "éà", "Hello World", "hello world", "Hello world", "_x"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isspace(), t.isupper(), t.islower(), t.isalnum(), t.istitle(), t.isdecimal(), t.isnumeric())
print("abc".isidentifier(), "1abc".isidentifier(), "_".isidentifier(), "a b".isidentifier())
