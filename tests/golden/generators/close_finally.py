# close() raises GeneratorExit at the yield; finally blocks run; yielding then is an error.
def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
it = g()
print(next(it))
it.close()
it.close()
print(next(it, "closed"))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def catcher():
    try:
        yield
    except GeneratorExit:
        print("exit seen")
        raise
c = catcher()
next(c)
c.close()
