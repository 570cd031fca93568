# Module bodies run in the order imports are first reached, depth first, and each exactly once.
import sys

import order.a_mod
from order import c_mod
import order.b_mod as b

for line in sys.import_log:
    print(line)
print(b.__name__, c_mod.__name__, order.a_mod.c_mod is c_mod)
print(sorted(k for k in sys.modules if k.startswith("order")))
