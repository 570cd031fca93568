"""`json.decoder`: the decoder classes (defined in the `json` package)."""
from json import JSONDecoder, JSONDecodeError
