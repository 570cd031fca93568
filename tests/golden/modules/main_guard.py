# __name__ is "__main__" only in the script; an imported module sees its own name, so its
# `if __name__ == "__main__":` block is skipped.
import sys

print(__name__)
import _runnable

print(_runnable.__name__, _runnable.main())
print(sys.modules["__main__"] is sys.modules[__name__])
main_module = sys.modules["__main__"]
print(main_module.__name__, hasattr(main_module, "_runnable"))


def helper():
    return "helper"


# The script's globals are the __main__ module's attributes.
print(main_module.helper() == helper(), __package__, __spec__)

if __name__ == "__main__":
    print("script block runs")
