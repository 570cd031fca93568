# ImportError carries the module's name and path; its subclass ModuleNotFoundError is raised for
# modules that cannot be found.
e = ImportError("custom message", name="mod", path="/somewhere/mod.py")
print(e, e.name, e.path, e.args)
e = ImportError("no extras")
print(e.name, e.path, e.msg if hasattr(e, "msg") else "-")
try:
    ImportError("x", other=1)
except TypeError as t:
    print("TypeError:", t)
try:
    ValueError("x", name="n")
except TypeError as t:
    print("TypeError:", t)
try:
    import definitely_not_a_module
except ModuleNotFoundError as m:
    print(type(m).__name__, m.name, m.path, isinstance(m, ImportError))
try:
    from os import definitely_not_a_name
except ImportError as m:
    print(type(m).__name__, m.name, str(m).split(" (")[0])
print(issubclass(ModuleNotFoundError, ImportError), ImportError.__mro__[1].__name__)
