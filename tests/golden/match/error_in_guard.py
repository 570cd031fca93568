# An exception raised while evaluating a guard propagates out of the match statement.
def ratio(pair):
    match pair:
        case (a, b) if a / b > 1:
            return "greater"
        case (a, b):
            return "not greater"

print(ratio((4, 2)))
print(ratio((1, 2)))
try:
    ratio((1, 0))
except ZeroDivisionError as e:
    print("caught:", e)
print(ratio((5, 0)))
