from .first import VALUE


def helper():
    return VALUE
