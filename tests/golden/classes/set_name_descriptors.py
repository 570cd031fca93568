# __set_name__ tells a descriptor its attribute name when the owning class is created.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)

class Rec:
    a = Field()
    b = Field()
r = Rec(); r.a = 3
print(r.a, r.b)

