# golden: full stderr
# A failing subscript: `~` under the value, `^` under the brackets. Only the
# innermost failing subscript of a chain is marked.
config = {"db": {"host": "localhost"}}


def port_of(cfg):
    return cfg["db"]["port"] * 2


print(port_of(config))
