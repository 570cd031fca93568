# __init_subclass__ runs on the parent when a subclass is created, receiving class keywords.
class Plugin:
    plugins = []
    def __init_subclass__(cls, /, key=None, **kw):
        super().__init_subclass__(**kw)
        cls.key = key
        Plugin.plugins.append(cls.__name__)

class A(Plugin, key="a"): pass
class B(Plugin): pass
print(Plugin.plugins, A.key, B.key)

try:
    class Bad(metaclass=Meta, flag=2): pass
except Exception as e:
    print(type(e).__name__, e)
try:
    class NoKw(x=1): pass
except TypeError as e:
    print(e)
def fmeta(name, bases, ns):
    return 42
class F(metaclass=fmeta): pass
print(F)
