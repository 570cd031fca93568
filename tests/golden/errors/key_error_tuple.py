d = {(1, 2): "pt"}
print(d[1, 2])
print(d[(3, 4)])
