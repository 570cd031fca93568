from .inner import NAME
