# ExceptionGroup bundles several exceptions: .message, .exceptions (a tuple), str() and repr().
errors = [ValueError("bad value"), TypeError("bad type")]
eg = ExceptionGroup("two problems", errors)
print(eg.message)
print(eg.exceptions)
print(str(eg))
print(repr(eg))
print(eg.args)
print(len(eg.exceptions), eg.exceptions[0] is errors[0])

# One sub-exception: singular in str().
print(str(ExceptionGroup("just one", [KeyError("k")])))

# Groups nest.
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2)])])
print(repr(nested))
print([type(e).__name__ for e in nested.exceptions])

# ExceptionGroup is an Exception; BaseExceptionGroup is not.
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
print(issubclass(BaseExceptionGroup, Exception), issubclass(BaseExceptionGroup, BaseException))

# BaseExceptionGroup picks ExceptionGroup when all the exceptions are Exceptions.
print(type(BaseExceptionGroup("m", [ValueError()])).__name__)
print(type(BaseExceptionGroup("m", [KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup("m", [ValueError(), SystemExit(1)])).__name__)

# The exceptions may be given as any sequence; they are stored as a tuple.
print(ExceptionGroup("from a tuple", (OSError(1),)).exceptions)

# Groups are raised and caught like any exception.
try:
    raise eg
except ExceptionGroup as caught:
    print("caught", caught is eg)
