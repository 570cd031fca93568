# LoadGlobal's cache: a hit in the module's globals ignores builtins; a hit in builtins checks both.
import builtins


def use():
    return len("abc"), helper()


def helper():
    return "helper"


print(use())
len = lambda s: "global len"  # shadows the builtin: globals changed
print(use())
del len  # the builtin is visible again
print(use())
original = builtins.len
builtins.len = lambda s: "patched builtin"
print(use())
builtins.len = original
helper = lambda: "rebound"
print(use()[1])
builtins.helper = lambda: "from builtins"  # a global of that name still wins
print(use()[1])
del helper
print(use()[1])
