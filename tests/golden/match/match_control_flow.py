# Case bodies may return, break, continue, yield, raise, and contain nested matches.
def process(tokens):
    out = []
    for tok in tokens:
        match tok:
            case "stop":
                break
            case "skip":
                continue
            case ("repeat", n, word):
                out.extend([word] * n)
            case str(word):
                out.append(word.upper())
            case _:
                raise ValueError(f"bad token {tok!r}")
    else:
        out.append("<end>")
    return out

print(process(["a", "skip", ("repeat", 2, "b"), "c"]))
print(process(["a", "stop", "b"]))
try:
    process(["a", 3])
except ValueError as e:
    print("error:", e)

def tokens(text):
    for ch in text:
        match ch:
            case "+" | "-" | "*" | "/":
                yield ("op", ch)
            case d if d.isdigit():
                yield ("num", int(d))
            case " ":
                pass
            case other:
                yield ("?", other)

print(list(tokens("1 + 2*x")))

def evaluate(expr):
    match expr:
        case ("num", n):
            return n
        case ("neg", e):
            return -evaluate(e)
        case (op, left, right):
            l, r = evaluate(left), evaluate(right)
            match op:
                case "+":
                    return l + r
                case "*":
                    return l * r
                case _:
                    raise ValueError(op)

print(evaluate(("+", ("num", 2), ("*", ("num", 3), ("neg", ("num", 4))))))

# match/case are soft keywords: they are ordinary names elsewhere.
match = [1, 2]
case = "a case"
print(match, case)
match match:
    case [1, x]:
        print("matched with x =", x)
