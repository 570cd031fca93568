# Two value-pattern keys that turn out equal at run time are a ValueError (literal duplicates are a
# SyntaxError instead).
class K:
    A = "same"
    B = "same"

print("matching")
match {"same": 1, "other": 2}:
    case {K.A: x, K.B: y}:
        print("unreachable")
