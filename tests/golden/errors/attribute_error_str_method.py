s = "abc"
print(s.upper())
s.qzx_method()
