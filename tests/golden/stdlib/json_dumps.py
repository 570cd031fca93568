# json.dumps: CPython's exact output for every option.
import json

data = {"name": "pvm", "version": [3, 11], "fast": True, "none": None, "pi": 3.14159,
        "big": 2**70, "nested": {"a": [], "b": {}, "c": [1, [2, [3]]]}, "neg": -0.0, "exp": 1e16}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=0))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps([1, 2, {"x": (4, 5)}], indent=3, separators=(", ", " = ")))
print(json.dumps("héllo \u2603 \U0001f600 \"q\" \\ \n\t\x01\x7f"))
print(json.dumps("héllo \u2603 \U0001f600", ensure_ascii=False))
print(json.dumps({3: "int", 2.5: "float", True: "t", False: "f", None: "n"}))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 0, "y": 1}}, sort_keys=True))
print(json.dumps("plain"), json.dumps(12), json.dumps(None), json.dumps(1.5))
print(json.dumps({(1, 2): 3, "ok": 4}, skipkeys=True))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


print(json.dumps([Point(1, 2)], default=lambda p: {"x": p.x, "y": p.y}))


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)


print(json.dumps({"p": Point(3, 4)}, cls=PointEncoder))
print(PointEncoder(indent=1).encode([Point(5, 6)]))
print("".join(json.JSONEncoder().iterencode({"k": [1, 2]})))

for bad, kw in [({1, 2}, {}), (float("nan"), {"allow_nan": False}), ({(1,): 2}, {}),
                ({1: 2, "a": 3}, {"sort_keys": True}), (Point(0, 0), {"cls": PointEncoder}),
                (object(), {"cls": PointEncoder})]:
    try:
        json.dumps(bad, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError", e)
