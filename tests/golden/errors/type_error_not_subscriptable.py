value = None
print("value:", value)
print(value[0])
