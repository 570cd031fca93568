name = "Ada"
age = 36
pi = 3.14159265
print(f"{name} is {age}")
print(f"{name!r} {name!s} {age!r}")
print(f"{age + 1} {age * 2} {age // 5} {'nested'}")
print(f"{pi:.2f} {pi:.0f} {pi:10.3f}| {pi:<10.3f}| {pi:^10.3f}| {pi:+.1f}")
print(f"{age:5d}|{age:<5d}|{age:^5d}|{age:05d}|{age:+d}|{-age:d}")
print(f"{{literal braces}} {{{age}}}")
print(f"{name=}", f"{age = }", f"{age*2=}")
items = [1, 2, 3]
print(f"{items} {items[0]} {len(items)} {items[-1] * 10}")
d = {"k": "v"}
print(f"{d['k']} {d}")
w = 8
print(f"{name:>{w}}|{name:*^{w}}|{pi:.{2}f}")
print(f"{'a' if age > 30 else 'b'}")
print(f"{3.0} {1e20} {1/3} {True} {None}")
print(f"multi" f"part {age}" "plain")
