# __match_args__ must be a tuple of strings; the error is raised when the class pattern runs.
class Record:
    __match_args__ = "name"  # a str, not a tuple
    def __init__(self, name):
        self.name = name

print("before the match")
match Record("x"):
    case Record(n):
        print(n)
