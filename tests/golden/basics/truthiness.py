vals = [0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), (0,), {}, {0: 0}, None, True, False, range(0), range(1), set(), {0}]
for v in vals:
    print(repr(v), bool(v), not v)
if []:
    print("empty list truthy?!")
else:
    print("empty list falsy")
if "0":
    print("'0' is truthy")
x = 0
while not x:
    x += 1
print("x", x)
