# ExceptionGroup.split and subgroup partition nested groups by type.
eg = ExceptionGroup("all", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError)))))
print(eg.subgroup(OSError))
print(len(eg.exceptions), eg.message, str(eg))
