# golden: full stderr
# Deeply indented lines: the source line is printed without its indentation
# and the carets follow it; tabs count as one column each.
def outer(flag):
    if flag:
        for i in range(1):
            while True:
                return {"a": 1}["b"] + i


def tabbed():
	return outer(True)


tabbed()
