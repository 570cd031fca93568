"""Secure hashes (md5, sha1, sha224, sha256, sha384, sha512) over pvm's native `_hashlib`."""

import _hashlib

algorithms_guaranteed = {'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'}
algorithms_available = set(algorithms_guaranteed)
__all__ = ('new', 'algorithms_guaranteed', 'algorithms_available', 'md5', 'sha1', 'sha224', 'sha256',
           'sha384', 'sha512')


def new(name, data=b'', **kwargs):
    "Return a new hashing object using the named algorithm, optionally initialized with data."
    return _hashlib.new(name, data)


def md5(string=b'', *, usedforsecurity=True):
    return _hashlib.new('md5', string)


def sha1(string=b'', *, usedforsecurity=True):
    return _hashlib.new('sha1', string)


def sha224(string=b'', *, usedforsecurity=True):
    return _hashlib.new('sha224', string)


def sha256(string=b'', *, usedforsecurity=True):
    return _hashlib.new('sha256', string)


def sha384(string=b'', *, usedforsecurity=True):
    return _hashlib.new('sha384', string)


def sha512(string=b'', *, usedforsecurity=True):
    return _hashlib.new('sha512', string)
