# __setattr__ and __delattr__ overrides see every store and delete.
class Audited:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(("set", name, value))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        super().__delattr__(name)
a = Audited()
a.x = 1
a.x += 1
del a.x
print(a.log)
setattr(a, "y", 3)
delattr(a, "y")
print(a.log[-2:])
