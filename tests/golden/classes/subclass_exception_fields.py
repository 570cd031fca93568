# Exception subclasses with their own __init__ and attributes.
class HTTPError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return f"{self.code}: {self.args[1]}"
try:
    raise HTTPError(404, "not found")
except HTTPError as e:
    print(e, e.args, e.code, repr(e))
class Quiet(ValueError):
    pass
try:
    raise Quiet("q")
except ValueError as e:
    print(type(e).__name__, isinstance(e, Exception), str(e))
