inventory = {"apples": 5, "pears": 0, "kiwis": 12, "plums": 3}
for k in inventory:
    print(k, inventory[k])
for k, v in inventory.items():
    if v:
        print(f"{k}: {'#' * v}")
for v in inventory.values():
    print(v, end=" ")
print()
print(sorted(inventory), sorted(inventory.items(), key=lambda kv: kv[1]))
print(max(inventory, key=inventory.get), min(inventory.values()))
print(sum(inventory.values()), len(inventory))
keys = inventory.keys()
inventory["figs"] = 7
print(list(keys), len(keys), "figs" in keys)
inverted = {v: k for k, v in inventory.items()}
print(inverted)
for k in list(inventory):
    if inventory[k] == 0:
        del inventory[k]
print(inventory)
