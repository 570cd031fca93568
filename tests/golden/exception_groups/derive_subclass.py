# split() and subgroup() build their parts with derive(), which subclasses override to keep their type
# and extra state.
class ErrorsWithCode(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self

    def derive(self, excs):
        return ErrorsWithCode(self.message, excs, self.code)

eg = ErrorsWithCode("request failed", [ValueError("a"), TypeError("b")], 404)
print(repr(eg), eg.code)
match, rest = eg.split(ValueError)
print(type(match).__name__, match.code, match.exceptions)
print(type(rest).__name__, rest.code, rest.exceptions)

# Without an override, derive() makes a plain (Base)ExceptionGroup.
class Plain(ExceptionGroup):
    pass
p = Plain("plain", [ValueError(), KeyError()])
print(type(p.subgroup(KeyError)).__name__)
print(repr(p.derive([OSError()])))
