result = None
print(result)
result.qzx_thing
