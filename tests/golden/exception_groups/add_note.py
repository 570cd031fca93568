# add_note() attaches notes (PEP 678), shown when the exception is printed; split() copies them.
e = ValueError("bad")
e.add_note("while parsing line 3")
e.add_note("in file data.csv")
print(e.__notes__)
try:
    e.add_note(42)
except TypeError as err:
    print("TypeError:", err)

g = ExceptionGroup("many", [ValueError(1), TypeError(2)])
g.add_note("group note")
part = g.subgroup(ValueError)
print(part.__notes__, part.__notes__ is g.__notes__)

print("raising")
raise KeyError("with notes") from None
