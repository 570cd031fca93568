"""Packing and unpacking of binary data (CPython 3.11's `struct` API over pvm's native `_struct`)."""

import _struct

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct', 'error']


class error(Exception):
    pass


error.__module__ = 'struct'
_struct.set_error(error)

calcsize = _struct.calcsize
pack = _struct.pack
unpack = _struct.unpack
unpack_from = _struct.unpack_from
iter_unpack = _struct.iter_unpack


def pack_into(fmt, buffer, offset, *v):
    if isinstance(buffer, bytes):
        raise TypeError("argument must be read-write bytes-like object, not bytes")
    data = pack(fmt, *v)
    buffer[offset:offset + len(data)] = data


class Struct:
    """A compiled format: format, size, pack, unpack, pack_into, unpack_from, iter_unpack."""

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        self.size = _struct.calcsize(format)
        self.format = format

    def pack(self, *v):
        return _struct.pack(self.format, *v)

    def pack_into(self, buffer, offset, *v):
        return pack_into(self.format, buffer, offset, *v)

    def unpack(self, buffer):
        return _struct.unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return _struct.unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return _struct.iter_unpack(self.format, buffer)

    def __repr__(self):
        return f"Struct({self.format!r})"


Struct.__module__ = '_struct'
