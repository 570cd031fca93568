# Instance attributes shadow class attributes; deleting them shows the class value again.
class C:
    x = "class"
c = C()
print(c.x)
c.x = "instance"
print(c.x, C.x)
del c.x
print(c.x)
try:
    del c.x
except AttributeError as e:
    print("AttributeError:", e)
C.x = "changed"
print(c.x)
