# A bare name captures the subject; `_` is a wildcard that matches anything and binds nothing.
def first_word(text):
    match text.split():
        case []:
            return "(empty)"
        case [word]:
            return word
        case [word, _]:
            return word + " (of two)"
        case [word, *_]:
            return word + " (of many)"

for t in ["", "one", "one two", "one two three"]:
    print(repr(t), "->", first_word(t))

# The capture binds in the enclosing scope and stays bound after the match.
match 42:
    case answer:
        pass
print("answer is", answer)

# `_` is never bound.
_ = "untouched"
match "value":
    case _:
        print("wildcard matched; _ is still", repr(_))

# A capture pattern at the top level must be the last case (or be guarded).
def sign(n):
    match n:
        case 0:
            return "zero"
        case x if x < 0:
            return "negative"
        case x:
            return "positive"
print(sign(0), sign(-5), sign(5))

# Captures inside closures and comprehensions see the bound value.
def make():
    match (1, 2):
        case (a, b):
            return lambda: a + b
print(make()())
