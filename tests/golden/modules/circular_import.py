# Circular imports: a module is in sys.modules before its body runs, so an import cycle sees the
# partially initialised module instead of executing it twice.
import sys
import circ.ping

print(circ.ping.hello())
print(sorted(k for k in sys.modules if k.startswith("circ")))

# 'from M import name' on a partially initialised module whose name does not exist yet fails with
# CPython's hint about the circular import.
try:
    import circ.first
except ImportError as e:
    print(type(e).__name__, e.name)
    print(str(e).split(" (/")[0])

# Both modules whose bodies the error went through are removed from sys.modules.
print("circ.first" in sys.modules, "circ.second" in sys.modules)
