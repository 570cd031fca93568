# golden: full stderr
# A traceback through several frames (functions, a method, a lambda, a
# generator and a generator expression), each with its own caret line.
class Reader:
    def __init__(self, rows):
        self.rows = rows

    def numbers(self):
        for row in self.rows:
            yield 100 / row["n"]


def total(reader):
    scale = lambda x: x * 2
    return sum(scale(v) for v in reader.numbers()) + 1


r = Reader([{"n": 4}, {"n": 0}])
print(total(r))
