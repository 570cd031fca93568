# Each module has its own global namespace: its functions read and write their module's globals,
# whoever calls them.
import _globals_mod
from _globals_mod import counter, bump

counter = 100  # rebinds this script's global only
print(bump(), bump(), _globals_mod.counter, counter)

_globals_mod.counter = 10  # rebinding the module attribute is what its functions see
print(_globals_mod.read(), bump())
print(_globals_mod.get_globals() is vars(_globals_mod), globals() is vars(_globals_mod))
print(_globals_mod.get_globals()["__name__"], globals()["__name__"])
print(bump.__globals__ is vars(_globals_mod))

# A function defined here, stored in the module, still uses this script's globals.
name = "script global"
def here():
    return name
_globals_mod.here = here
name = "changed"
print(_globals_mod.here())

# exec with a module's dict runs code in that module's namespace.
exec("counter = 77", vars(_globals_mod))
print(_globals_mod.read())
