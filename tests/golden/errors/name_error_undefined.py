defined_value = 1
print(defined_value)
print(qwertyuiop)
