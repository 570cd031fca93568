# What failing imports raise, and what they leave behind.
import sys

try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, "|", e, "|", e.name, isinstance(e, ImportError))

try:
    import shapes.no_such_sub
except ModuleNotFoundError as e:
    print(e, "|", e.name)

try:
    import _plain_mod.sub
except ModuleNotFoundError as e:
    # a plain module is not a package
    print(e, "|", e.name)

try:
    from shapes import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name, "|", str(e).split(" (/")[0])

try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)

# An exception in a module body propagates to the importer and the module is not cached.
for attempt in range(2):
    try:
        import _raises_on_import
    except ValueError as e:
        print("attempt", attempt, "ValueError:", e, "_raises_on_import" in sys.modules)

try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)

try:
    __import__("x", level=-1)
except ValueError as e:
    print("ValueError:", e)

try:
    __import__(42)
except TypeError as e:
    print("TypeError:", e)
