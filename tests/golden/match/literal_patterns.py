# Literal patterns compare with ==; None, True and False compare by identity (so 1 does not match True).
def classify(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case "hello" | "hi":
            return "a greeting"
        case b"raw":
            return "some bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return "something else"

for value in [0, -1, 2.5, "hello", "hi", b"raw", None, True, False, 1, 0.0, "bye", -0.0]:
    print(repr(value), "->", classify(value))

# 1 == True, but the True pattern is an identity test: 1 falls through to the integer case.
match 1:
    case True:
        print("matched True")
    case 1:
        print("matched 1")

# 0 == False and 0.0 == 0: literal patterns use ==, so these match.
match False:
    case 0:
        print("False matches the literal 0")
match 0.0:
    case 0:
        print("0.0 matches the literal 0")

# Adjacent string literals are concatenated, as everywhere else.
match "abcdef":
    case "abc" "def":
        print("concatenated literal")
