# An import inside a function runs when the function is called: a common way to break an import cycle.
import sys

import lazy.models

print("lazy.views" in sys.modules)
print(lazy.models.render_model("a"))
print("lazy.views" in sys.modules)
print(lazy.models.render_model("b"))


def uses_json():
    import json

    return json.dumps({"k": [1, 2]})


print(uses_json(), "json" in dir())
