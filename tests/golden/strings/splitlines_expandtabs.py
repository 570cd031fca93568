s = "line1\nline2\r\nline3\rline4\n\nline6"
print(s.splitlines())
print(s.splitlines(True))
print("".splitlines(), "\n".splitlines(), "a\n".splitlines(), "a\n\n".splitlines())
print("no newline".splitlines())
t = "a\tbc\tdef\tg"
print(repr(t.expandtabs()))
print(repr(t.expandtabs(4)))
print(repr(t.expandtabs(1)), repr(t.expandtabs(0)))
print(repr("\tx\n\ty".expandtabs(3)))
print(repr("12345678\t9".expandtabs()))
