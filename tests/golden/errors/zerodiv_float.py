print(1.0 / 4.0)
print(1.5 / 0.0)
