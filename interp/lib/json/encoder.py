"""`json.encoder`: the encoder class (defined in the `json` package)."""
from json import JSONEncoder
from _json import encode_basestring, encode_basestring_ascii
