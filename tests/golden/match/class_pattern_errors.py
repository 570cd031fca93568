# Class patterns with the wrong kind of class, or an unusable __match_args__, raise TypeError at match time.
def attempt(label, fn):
    try:
        fn()
        print(label, "matched or not, without error")
    except TypeError as e:
        print(label, "TypeError:", e)

def not_a_class():
    f = len
    match 5:
        case f():
            pass

class ListArgs:
    __match_args__ = ["a"]
    a = 1

def list_match_args():
    match ListArgs():
        case ListArgs(x):
            pass

class IntArgs:
    __match_args__ = ("a", 1)
    a = 1

def non_string_names():
    match IntArgs():
        case IntArgs(x, y):
            pass

class One:
    __match_args__ = ("a",)
    a = 1

def too_many():
    match One():
        case One(x, y):
            pass

def twice():
    match One():
        case One(x, a=y):
            pass

def builtin_too_many():
    match 5:
        case int(x, y):
            pass

def no_match_args():
    class Bare:
        pass
    match Bare():
        case Bare(x):
            pass

for label, fn in [("not a class", not_a_class), ("list __match_args__", list_match_args),
                  ("non-string names", non_string_names), ("too many", too_many),
                  ("attribute twice", twice), ("int(x, y)", builtin_too_many),
                  ("no __match_args__", no_match_args)]:
    attempt(label, fn)

# The checks only run when the isinstance test passes.
match "not a One":
    case One(x, y, z):
        pass
    case _:
        print("no error: the subject is not an instance")
