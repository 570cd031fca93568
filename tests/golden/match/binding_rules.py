# Names are bound only when a whole pattern matches (and before its guard runs).
# A partially matching pattern binds nothing.
def show(name):
    try:
        print(name, "=", repr(eval(name)))
    except NameError:
        print(name, "is not bound")

match [1, 2, 3]:
    case [a, b, 4]:
        print("no")
    case _:
        pass
show("a")
show("b")

# A match binds in the current scope: locals in functions, globals at module level.
def f():
    match {"k": "v"}:
        case {"k": value}:
            pass
    return value
print(f())
show("value")

# Captured names are ordinary variables afterwards.
counter = 0
for item in [("inc", 5), ("dec", 2), ("inc", 1)]:
    match item:
        case ("inc", n):
            counter += n
        case ("dec", n):
            counter -= n
print("counter", counter, "last n", n)

# A match statement never creates a new scope.
def g():
    total = 0
    for v in [1, "a", 2, "b"]:
        match v:
            case int(i):
                total += i
            case str():
                continue
    return total
print(g())

# The subject is evaluated once.
def subject():
    print("evaluating the subject")
    return 3
match subject():
    case 1:
        pass
    case 2:
        pass
    case 3:
        print("three")
