# del obj.attr, then adding it back; deleting missing attributes; setattr/getattr with non-str names.

class C:
    cls_attr = "class"

c = C()
c.a = 1
c.b = 2
c.c = 3
del c.b
print(vars(c), hasattr(c, "b"))
c.b = 20
print(vars(c))
try:
    del c.zz
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.cls_attr            # a class attribute is not the instance's
except AttributeError as e:
    print("AttributeError:", e)
c.cls_attr = "mine"
print(c.cls_attr)
del c.cls_attr
print(c.cls_attr)
delattr(c, "a")
print(vars(c))

for f in (lambda: getattr(c, 1), lambda: setattr(c, 2, 3), lambda: hasattr(c, None),
          lambda: delattr(c, 1.5)):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)

# Many instances deleting in a loop stay correct
objs = []
for i in range(50):
    o = C()
    o.x = i
    o.y = i * 2
    if i % 3 == 0:
        del o.x
    objs.append(o)
print(sum(getattr(o, "x", 0) for o in objs), sum(o.y for o in objs))
