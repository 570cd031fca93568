# `from pkg import name` takes the package's attribute when it has one; importing the submodule
# `pkg.name` rebinds that attribute to the module.
import sys

from shadowpkg import helper

print(helper)
print("shadowpkg.helper" in sys.modules)
import shadowpkg.helper

print(type(shadowpkg.helper).__name__, shadowpkg.helper.WHAT)
from shadowpkg import helper

print(type(helper).__name__)
