count = 3
msg = "count: "
print(msg + str(count))
print(msg + count)
