# dir(module) lists the module's names, sorted.
import math
names = dir(math)
print(names == sorted(names), 'sqrt' in names, 'pi' in names)
import builtins
print('print' in dir(builtins), builtins.print is print)
print(type(builtins.__dict__).__name__, builtins.__dict__['len'] is len)
