s = "abracadabra"
for sub in ["a", "abra", "ra", "c", "x", "bra"]:
    print(sub, s.count(sub), s.find(sub), s.rfind(sub), sub in s)
print(s.find("a", -3), s.find("a", -3, -1), s.rfind("a", -5, -2), s.count("a", -4))
print(s.index("a", 4), s.rindex("a", 0, 5))
print(s.startswith("bra", 1), s.endswith("cad", 0, 7), s.startswith("abra", -4))
