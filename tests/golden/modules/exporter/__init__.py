__all__ = ["public", "_chosen", "sub"]

public = "public"
_chosen = "underscore, but listed in __all__"
unlisted = "not in __all__"
