# A metaclass can define __instancecheck__/__subclasscheck__ (how abc.ABCMeta works).
class ABCish(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return hasattr(inst, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")

class Duck(metaclass=ABCish):
    pass

class Mallard:
    def quack(self): return "Quack"

print(isinstance(Mallard(), Duck), isinstance(3, Duck), isinstance(Duck(), Duck))
print(issubclass(Mallard, Duck), issubclass(int, Duck), issubclass(int, (str, Duck, int)))

