# sys.path is searched in order: the script's directory first, then the rest; programs may edit it.
import sys
import os

here = os.path.dirname(os.path.abspath(__file__))
print(sys.path[0] == here)
try:
    import _from_libdir
except ModuleNotFoundError as e:
    print(e)

sys.path.append(os.path.join(here, "libdir"))
import _from_libdir
import extra_pkg

print(_from_libdir.WHERE, extra_pkg.NAME)
print(os.path.basename(os.path.dirname(extra_pkg.__file__)))

# The script directory comes first, so its _plain_mod shadows libdir's.
import _plain_mod

print(os.path.relpath(_plain_mod.__file__, here))

# A relative sys.path entry is looked up from the current directory.
sys.path.insert(0, "libdir")
del sys.modules["_plain_mod"]
import _plain_mod

print(os.path.relpath(_plain_mod.__file__, here))
sys.path.remove("libdir")
