# The builtin exception hierarchy.
pairs = [(ZeroDivisionError, ArithmeticError), (KeyError, LookupError), (IndexError, LookupError),
         (FileNotFoundError, OSError), (ModuleNotFoundError, ImportError), (RecursionError, RuntimeError),
         (NotImplementedError, RuntimeError), (UnicodeDecodeError, ValueError), (StopIteration, Exception),
         (KeyboardInterrupt, Exception), (SystemExit, BaseException), (GeneratorExit, Exception),
         (TimeoutError, OSError), (BlockingIOError, OSError), (TabError, SyntaxError), (BaseExceptionGroup, BaseException)]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
print(IOError is OSError, EnvironmentError is OSError)
print([c.__name__ for c in ZeroDivisionError.__mro__])
