# golden: full stderr
# A failing decorator is reported at the decorator expression (after the `@`).
def registry(fn):
    return fn.register


@registry
def handler():
    pass
