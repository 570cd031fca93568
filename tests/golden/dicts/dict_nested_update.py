config = {"db": {"host": "localhost", "port": 5432}, "debug": False}
config["db"]["port"] += 1
config["db"]["user"] = "admin"
config.setdefault("cache", {})["size"] = 128
print(config)
copy = config.copy()
copy["db"]["host"] = "remote"
copy["debug"] = True
print(config["db"]["host"], config["debug"], copy["debug"])
d = {}
d[1] = d
print(d)
m = {"a": [1, 2], "b": [3]}
m["a"] += [9]
m["b"].extend([8, 7])
print(m, sum([len(v) for v in m.values()]))
matrix = {(i, j): i * j for i in range(3) for j in range(3) if i <= j}
print(matrix)
