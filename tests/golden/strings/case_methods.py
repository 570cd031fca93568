for s in ["hello World", "HELLO", "hello", "Hello World", "123abc", "ßtraße", "élan vital", "o'neil mc-donald", "  x  ", "", "ABC def GHI"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.isupper(), s.islower())
print("İ".lower() == "i̇", len("İ".lower()))
print("ǅ".upper(), "ǆ".title())
print("hello"[0].upper() + "hello"[1:])
