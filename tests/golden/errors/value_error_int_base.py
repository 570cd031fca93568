print(int("1010", 2), int("z", 36))
print(int("129", 8))
