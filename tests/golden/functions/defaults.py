def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Ann", "Hi"))
print(greet("Ann", punct="?"))
print(greet(punct=".", name="Bo", greeting="Yo"))
def append_to(x, lst=[]):
    lst.append(x)
    return lst
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe_append(x, lst=None):
    if lst is None:
        lst = []
    lst.append(x)
    return lst
print(safe_append(1), safe_append(2))
n = 10
def uses_default(v=n):
    return v
n = 20
print(uses_default(), uses_default(5))
def many(a, b=2, c=3, d=4):
    return (a, b, c, d)
print(many(1), many(1, 9), many(1, d=0), many(*[5, 6]), many(**{"a": 7, "c": 8}))
print(greet.__defaults__, many.__defaults__)
