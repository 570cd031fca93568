# golden: full stderr
# No caret line when the failing expression is the whole line: a bare call, a
# raise statement, an augmented assignment.
def fail():
    raise ValueError("whole line")


def step(n):
    count = n
    count += "1"


try:
    fail()
except ValueError:
    step(3)
