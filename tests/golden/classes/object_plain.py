# object() instances have no attributes and no __dict__.
o = object()
print(type(o).__name__, isinstance(o, object))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(o, "__dict__"), o == o, o != object())
print(str(o).startswith("<object object at"))
