# a comment
x = 1  # trailing comment
y = (1 +
     2 +
     3)
z = 1 + \
    2
lst = [
    1,
    2,
    3,  # trailing comma
]
d = {
    "a": 1,
    "b": 2,
}
print(x, y, z, lst, d)
if x: print("one-line if")
for i in range(2): print("one-line for", i)
a = 1; b = 2; print(a + b)
s = """multi
line
string"""
print(s)
print(len(s))
