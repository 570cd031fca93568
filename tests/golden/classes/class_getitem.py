# C[item] on a class calls its __class_getitem__ (an implicit classmethod).
class G:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(G[int], G["x"])

class Box:
    def __class_getitem__(cls, params):
        return (cls.__name__, params)
print(Box[int, str])
class Sub(Box): pass
print(Sub[1])
try:
    class Plain: pass
    Plain[int]
except TypeError as e:
    print(e)
