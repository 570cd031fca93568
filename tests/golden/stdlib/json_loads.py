# json.loads / JSONDecoder: values, hooks, and CPython's error messages and positions.
import json

doc = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\n\\u00e9\\ud83d\\ude00"}, "e": 12345678901234567890}'
v = json.loads(doc)
print(v)
print(json.loads(b'[1, "bytes"]'), json.loads('  "x"  '), json.loads("-0"), json.loads("0.5e-3"))
print(json.loads('[NaN, Infinity, -Infinity]'))
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"x": 1, "y": 2}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"x": 1, "y": [{"z": 2}]}', object_pairs_hook=lambda p: ("pairs", p)))
print(json.loads('[1.5, 2, 3]', parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s))
print(json.loads('[NaN]', parse_constant=lambda s: "C" + s))
print(json.JSONDecoder().raw_decode('[1, 2] tail'))
print(json.JSONDecoder().raw_decode('xx{"a": 1}', 2))
print(json.loads('"tab\there"', strict=False))
print(json.loads("\"h\u00e9llo w\u00f6rld\""), json.loads('"\\/"'))

bad = ['', ' ', '[', '[1', '[1,', '[1,]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{1:2}',
       '"abc', '"a\\x"', '"a\\u12"', '"\x01"', '1 2', '[1] x', 'tru', '-', '01', '1.', '[1 2]',
       '{"a" 1}', '"a\\', '\ufeff1', '[1,\n 2,\n x]', '"\u00e9\u00e9" x']
for s in bad:
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        print(repr(s), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
print(isinstance(json.JSONDecodeError("m", "d", 0), ValueError))
try:
    json.loads(42)
except TypeError as e:
    print("TypeError", e)
try:
    json.loads('{"a": 1}x')
except ValueError as e:
    print("ValueError", e)
from json.decoder import JSONDecodeError
print(JSONDecodeError is json.JSONDecodeError)
# round trip
data = {"list": [1, 2, {"k": "v"}], "s": "\u2603", "f": 0.1, "n": None}
print(json.loads(json.dumps(data)) == data, json.loads(json.dumps(data, indent=4)) == data)
