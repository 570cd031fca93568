s = "haystack"
print(s.index("st"))
print(s.index("needle"))
