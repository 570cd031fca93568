# PEP 562: module-level __getattr__ and __dir__.
import sys

present = "present"
calls = []


def __getattr__(name):
    calls.append(name)
    if name.startswith("computed_"):
        return name[len("computed_"):].upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return ["present", "computed_x", "zeta"]
