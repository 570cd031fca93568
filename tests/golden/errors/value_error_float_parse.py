print(float("1.5"), float("-inf"))
print(float("one point five"))
