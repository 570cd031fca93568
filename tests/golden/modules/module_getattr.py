# A module's __getattr__ is called for names it does not define; __dir__ answers dir(module).
import _lazy

print(_lazy.present, _lazy.calls)
print(_lazy.computed_hello, _lazy.calls)
print(getattr(_lazy, "computed_abc"), hasattr(_lazy, "missing"), _lazy.calls)
from _lazy import computed_item

print(computed_item)
try:
    _lazy.other
except AttributeError as e:
    print("AttributeError:", e)
try:
    from _lazy import other2
except ImportError as e:
    print("ImportError:", str(e).split(" (/")[0])
print(dir(_lazy))

# Without __getattr__, the error names the module.
import _plain_mod

try:
    _plain_mod.nope
except AttributeError as e:
    print("AttributeError:", e)

# Module attributes can be set and deleted like any object's.
_plain_mod.added = 5
del _plain_mod.VALUE
print(_plain_mod.added, hasattr(_plain_mod, "VALUE"))
try:
    del _plain_mod.VALUE
except AttributeError as e:
    print("AttributeError:", e)
print(vars(_plain_mod) is _plain_mod.__dict__, "added" in vars(_plain_mod))
