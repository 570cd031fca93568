# else runs only when the try body raised nothing; exceptions in else are not caught by its handlers.
def attempt(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("div by zero")
    else:
        print("ok", r)
        if r > 5:
            raise ValueError("big")
    finally:
        print("done", x)
attempt(0)
attempt(5)
try:
    attempt(1)
except ValueError as e:
    print("escaped:", e)
