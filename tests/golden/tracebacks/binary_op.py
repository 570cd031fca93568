# golden: full stderr
# A failing binary operation: `~` under the operands, `^` under the operator
# (two characters for `//`, `**`, `<<`...). Parentheses around the left operand
# are not mistaken for the operator.
def average(total, count):
    return (total) // count + 1


print("calling")
average(10, 0)
