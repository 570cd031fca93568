temp = 5
print(temp)
del temp
print(temp)
