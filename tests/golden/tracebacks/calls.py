# golden: full stderr
# Each calling frame marks the whole call expression that failed; a statement
# that is nothing but the call gets no caret line.
def parse(text):
    return int(text)


def parse_all(items):
    return [parse(x) for x in items]


values = parse_all(["1", "2", "three"])
print(values)
