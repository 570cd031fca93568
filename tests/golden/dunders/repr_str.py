# str() falls back to __repr__; containers always use repr of their items.
class R:
    def __repr__(self):
        return "R()"
class S:
    def __str__(self):
        return "S-str"
    def __repr__(self):
        return "S-repr"
print(str(R()), repr(R()), str(S()), repr(S()))
print([S()], (S(),), {S(): 1} if False else {1: S()})
print(f"{S()} {S()!r} {S()!s}", "%s %r" % (S(), S()))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
