def f(x):
    try:
        return 10 // x
    except ZeroDivisionError as e:
        print("caught", e, type(e).__name__)
        return -1
    finally:
        print("finally", x)

print(f(2), f(0))
try:
    [][1]
except (KeyError, IndexError) as e:
    print("idx", e)
else:
    print("no")
try:
    pass
except Exception:
    print("never")
else:
    print("else ran")
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("fin", i)
def g():
    try:
        raise ValueError("bad")
    except ValueError:
        raise
try:
    g()
except ValueError as e:
    print("reraised", e.args)
try:
    try:
        1/0
    except ZeroDivisionError:
        undefined_name
except NameError as e:
    print("ctx", type(e.__context__).__name__)
try:
    raise KeyError("k") from ValueError("v")
except KeyError as e:
    print("cause", repr(e.__cause__))
def h():
    for x in [1, 2]:
        try:
            return x
        finally:
            print("h fin")
print(h())
try:
    int("zz")
except ValueError as e:
    print(e)
print("e" in dir() if False else "ok")
try:
    raise TypeError
except TypeError as e:
    print(repr(e))
x = 0
while True:
    try:
        x += 1
        if x > 2:
            break
    except:
        pass
print(x)
try:
    1/0
except ZeroDivisionError:
    try:
        raise ValueError("inner")
    except ValueError as v:
        print("inner caught", v)
    print("still handling")
print("end")
