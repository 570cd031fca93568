# The `as` name is deleted at the end of the handler.
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    print("in handler:", e)
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
def keep():
    try:
        1 / 0
    except ZeroDivisionError as err:
        saved = err
    return type(saved).__name__
print(keep())
