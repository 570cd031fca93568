# __init_subclass__ receives class keywords; registries built at class creation.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[name or cls.__name__] = cls
class A(Plugin, name="alpha"):
    pass
class B(Plugin):
    pass
print(sorted(Plugin.registry))
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
