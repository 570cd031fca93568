data = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
print(f"{'item':<10}{'price':>8}{'qty':>5}{'total':>9}")
total = 0
for name, price, qty in data:
    line = price * qty
    total += line
    print(f"{name:<10}{price:>8.2f}{qty:>5d}{line:>9.2f}")
print(f"{'TOTAL':<10}{'':>13}{total:>9.2f}")
print(f"{[x * x for x in range(5)]}")
print(f"{ {'a': 1}['a'] }")
print(f"{(lambda x: x + 1)(4)}")
print(f"{','.join([str(i) for i in [1, 2]])}")
vals = {"x": 3}
print(f"{vals['x']:>{vals['x']}}|")
print(f"{'nested {braces}'}")
print(f"{f'{1 + 1}'}")
print(f"{len('abc')!r:>5}")
