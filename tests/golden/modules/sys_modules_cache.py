# sys.modules is the import cache: a module runs once, and import returns whatever the cache holds.
import sys

import _counter_mod
import _counter_mod as again
from _counter_mod import state

print(again is _counter_mod, state is _counter_mod.state)
_counter_mod.state.append("kept")

# Deleting the cache entry makes the next import execute the file again: a new module object.
old = sys.modules.pop("_counter_mod")
import _counter_mod

print(_counter_mod is old, _counter_mod.state, old.state)

# Anything placed in sys.modules is returned by import.
class Fake:
    answer = 42

    def __repr__(self):
        return "<Fake module>"


sys.modules["fake_mod"] = Fake()
import fake_mod
from fake_mod import answer

print(fake_mod, answer)

# None in sys.modules blocks an import.
sys.modules["blocked_mod"] = None
try:
    import blocked_mod
except ImportError as e:
    print(type(e).__name__, e)

# A module can replace itself in sys.modules while it runs; import returns the replacement.
import _self_replacing

print(_self_replacing)
