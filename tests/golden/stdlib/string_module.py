# string: constants, capwords, Template (substitute/safe_substitute/errors), Formatter basics.
import string

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable))
print(string.capwords("hello   wide world"), string.capwords("a-b-c", "-"))
t = string.Template("$who likes ${what}, costs $$5")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "ann", "what": "tea"}))
print(t.safe_substitute(who="bob"), t.get_identifiers(), t.is_valid())
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("a $ b").substitute()
except ValueError as e:
    print("ValueError", e)
print(string.Template("line1\nbad $!").safe_substitute(), string.Template("$a$b").substitute(a=1, b=2))


class Pct(string.Template):
    delimiter = "%"


print(Pct("%x and %{y}").substitute(x=1, y=2))
f = string.Formatter()
print(f.format("{0} + {1} = {2:>5}", 1, 2, 3), f.format("{name!r:^10}|{x[1]}", name="n", x=[7, 8]))
print(list(f.parse("a{0}b{x!s:>3}c{{}}")))
