"""A plain module next to the program: found through sys.path[0], the script's directory."""
print("executing _plain_mod as", __name__)

VALUE = 42
_private = "hidden"


def double(x):
    return 2 * x


class Thing:
    def __repr__(self):
        return "Thing()"
