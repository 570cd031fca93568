# The running script is the module __main__: importing __main__ gives it, not a second copy.
import sys
import __main__

counter = 1
print(__main__.counter, __main__.__name__, __main__ is sys.modules["__main__"])
__main__.counter = 2
print(counter)


def where():
    return __name__


print(__main__.where(), vars(__main__) is globals())
