print(pow(3, -1, 7))
print(pow(2, -1, 4))
