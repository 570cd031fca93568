# golden: full stderr
# Uncaught exception raised inside an except block ("During handling of the above exception...").
def f():
    try:
        return [][0]
    except IndexError:
        return {}["missing"]
print("start")
f()
