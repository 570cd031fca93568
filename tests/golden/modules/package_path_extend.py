# A package's submodules are searched in its __path__, which the package (or anyone) may extend.
import os
import plugins

here = os.path.dirname(os.path.abspath(__file__))
print([os.path.relpath(p, here) for p in plugins.__path__])
try:
    import plugins.addon
except ModuleNotFoundError as e:
    print("before:", e)
plugins.__path__.append(os.path.join(here, "extra_plugins"))
import plugins.addon
import plugins.core

print(plugins.addon.NAME, "|", plugins.core.NAME)
print(os.path.relpath(plugins.addon.__file__, here))
print(plugins.addon.__name__, plugins.addon.__package__)
