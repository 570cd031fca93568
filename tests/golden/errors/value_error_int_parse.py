for s in ["10", "-3", " 7 "]:
    print(int(s))
print(int("12abc"))
