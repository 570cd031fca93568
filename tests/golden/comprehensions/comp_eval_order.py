log = []
def src(name, items):
    log.append("iter " + name)
    return items
def cond(v):
    log.append("cond " + str(v))
    return v % 2 == 0
res = [(a, b) for a in src("outer", [1, 2]) if cond(a) or True for b in src("inner" + str(a), "xy")]
print(res)
print(log)
log.clear()
d = {log.append("k" + str(i)) or i: log.append("v" + str(i)) or i * i for i in range(3)}
print(d, log)
first = [x for x in range(5)]
second = [x * y for x in first for y in first if x < y]
print(second, len(second))
