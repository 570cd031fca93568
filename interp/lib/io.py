"""Core I/O: in-memory streams (StringIO, BytesIO) and files (open), with CPython 3.11's API.

Files are `_io.FileIO` (native: OS file, read-ahead and write buffering) wrapped in BufferedReader /
BufferedWriter / BufferedRandom for binary modes and in TextIOWrapper (decoding, newline translation) for
text modes.
"""

import _io
from _io import FileIO

__all__ = ['open', 'StringIO', 'BytesIO', 'TextIOWrapper', 'BufferedReader', 'BufferedWriter',
           'BufferedRandom', 'FileIO', 'IOBase', 'RawIOBase', 'BufferedIOBase', 'TextIOBase',
           'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'DEFAULT_BUFFER_SIZE']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError):
    pass


UnsupportedOperation.__module__ = 'io'


class IOBase:
    """Base of all streams: context manager, iteration over lines, closed-state checks."""

    _closed = False

    @property
    def closed(self):
        return self._closed

    def _check_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def close(self):
        self._closed = True

    def flush(self):
        self._check_closed()

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._check_closed()
        return False

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        n = 0
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def fileno(self):
        raise UnsupportedOperation("fileno")


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


# ---- in-memory streams ---------------------------------------------------------------------------------

class StringIO(TextIOBase):
    """Text stream over an in-memory str buffer."""

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._newline = newline
        # The value is kept as a list of chunks while only appending (the common case) and joined lazily.
        self._chunks = []
        self._buf = ''
        self._pos = 0
        self._closed = False
        if initial_value:
            self._buf = self._translate(initial_value)
        self._len = len(self._buf)

    def _value(self):
        if self._chunks:
            self._buf = self._buf + ''.join(self._chunks)
            self._chunks = []
        return self._buf

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if nl in ('\r', '\r\n'):
            return s.replace('\n', nl)
        return s

    def _check_closed(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def getvalue(self):
        self._check_closed()
        return self._value()

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        s = self._translate(s)
        if self._pos == self._len:
            self._chunks.append(s)
            self._pos += len(s)
            self._len = self._pos
            return n
        buf = self._value()
        if self._pos > len(buf):
            buf = buf + '\0' * (self._pos - len(buf))
        self._buf = buf[:self._pos] + s + buf[self._pos + len(s):]
        self._pos += len(s)
        self._len = len(self._buf)
        return n

    def read(self, size=-1):
        self._check_closed()
        buf = self._value()
        if size is None or size < 0:
            r = buf[self._pos:]
        else:
            r = buf[self._pos:self._pos + size]
        self._pos += len(r)
        return r

    def readline(self, size=-1):
        self._check_closed()
        buf = self._value()
        end = len(buf)
        if self._newline == '' or self._newline == '\r':
            i = self._pos
            while i < end and buf[i] not in '\r\n':
                i += 1
            if i < end:
                if buf[i] == '\r' and self._newline == '' and i + 1 < end and buf[i + 1] == '\n':
                    i += 1
                i += 1
        elif self._newline == '\r\n':
            i = buf.find('\r\n', self._pos)
            i = end if i < 0 else i + 2
        else:
            i = buf.find('\n', self._pos)
            i = end if i < 0 else i + 1
        if size is not None and size >= 0:
            i = min(i, self._pos + size)
        r = buf[self._pos:i]
        self._pos = max(self._pos, i)
        return r

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._value())
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        buf = self._value()
        if size < len(buf):
            self._buf = buf[:size]
            self._len = size
        return size

    def close(self):
        self._closed = True

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def __repr__(self):
        return f"<_io.StringIO object at {hex(id(self))}>"


class BytesIO(BufferedIOBase):
    """Binary stream over an in-memory bytes buffer."""

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        self._buf = bytes(initial_bytes)
        self._chunks = []
        self._pos = 0
        self._closed = False

    def _value(self):
        if self._chunks:
            self._buf = self._buf + b''.join(self._chunks)
            self._chunks = []
        return self._buf

    def getvalue(self):
        self._check_closed()
        return self._value()

    def getbuffer(self):
        return self.getvalue()

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def write(self, b):
        self._check_closed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        n = len(b)
        if not self._chunks and self._pos == len(self._buf):
            self._chunks.append(b)
            self._pos += n
            return n
        if self._chunks and self._pos == len(self._buf) + sum(map(len, self._chunks)):
            self._chunks.append(b)
            self._pos += n
            return n
        buf = self._value()
        if self._pos > len(buf):
            buf = buf + b'\0' * (self._pos - len(buf))
        self._buf = buf[:self._pos] + b + buf[self._pos + n:]
        self._pos += n
        return n

    def read(self, size=-1):
        self._check_closed()
        buf = self._value()
        if size is None or size < 0:
            r = buf[self._pos:]
        else:
            r = buf[self._pos:self._pos + size]
        self._pos += len(r)
        return r

    read1 = read

    def readline(self, size=-1):
        self._check_closed()
        buf = self._value()
        i = buf.find(b'\n', self._pos)
        i = len(buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            i = min(i, self._pos + size)
        r = buf[self._pos:i]
        self._pos = max(self._pos, i)
        return r

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._value()) + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"negative size value {size}")
        buf = self._value()
        if size < len(buf):
            self._buf = buf[:size]
        return size

    def close(self):
        self._closed = True

    def __repr__(self):
        return f"<_io.BytesIO object at {hex(id(self))}>"


# ---- files ------------------------------------------------------------------------------------------------

class _Buffered(BufferedIOBase):
    """Binary file: delegates to the raw FileIO, which buffers natively."""

    _kind = 'BufferedReader'

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        self.raw = raw

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def readable(self):
        self._check_closed()
        return self.raw._readable

    def writable(self):
        self._check_closed()
        return self.raw._writable

    def seekable(self):
        self._check_closed()
        return True

    def read(self, size=-1):
        return self.raw.read(size)

    def read1(self, size=-1):
        return self.raw.read(size)

    def readline(self, size=-1):
        return self.raw.readline(size)

    def write(self, b):
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return self.raw.write(bytes(b))

    def seek(self, pos, whence=0):
        return self.raw.seek(pos, whence)

    def tell(self):
        return self.raw.tell()

    def truncate(self, size=None):
        return self.raw.truncate(size)

    def flush(self):
        return self.raw.flush()

    def close(self):
        self.raw.close()

    def fileno(self):
        return self.raw.fileno()

    def __repr__(self):
        return f"<_io.{self._kind} name={self.name!r}>"


class BufferedReader(_Buffered):
    _kind = 'BufferedReader'


class BufferedWriter(_Buffered):
    _kind = 'BufferedWriter'


class BufferedRandom(_Buffered):
    _kind = 'BufferedRandom'


_CODECS = {'utf-8': 'utf-8', 'utf8': 'utf-8', 'u8': 'utf-8', 'latin-1': 'latin-1', 'latin1': 'latin-1',
           'iso-8859-1': 'latin-1', 'iso8859-1': 'latin-1', 'l1': 'latin-1', 'ascii': 'ascii',
           'us-ascii': 'ascii'}


def _utf8_complete(b):
    """How many leading bytes of `b` form complete UTF-8 sequences (a split sequence waits)."""
    n = len(b)
    i = n - 1
    k = 0
    while i >= 0 and k < 4 and (b[i] & 0xC0) == 0x80:
        i -= 1
        k += 1
    if i < 0:
        return n
    lead = b[i]
    need = 1 if lead < 0x80 else 2 if lead >= 0xC0 and lead < 0xE0 else 3 if lead >= 0xE0 and lead < 0xF0 else 4 if lead >= 0xF0 else 1
    if n - i < need:
        return i
    return n


class TextIOWrapper(TextIOBase):
    """Text file over a binary buffer: decoding, encoding and newline translation."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False,
                 write_through=False):
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f"illegal newline value: {newline}")
        self.buffer = buffer
        if encoding is None:
            self.encoding = 'UTF-8'
            codec = 'utf-8'
        else:
            self.encoding = encoding
            codec = _CODECS.get(encoding.lower().replace('_', '-'))
            if codec is None:
                # A codec bytes.decode knows but text files don't: utf-16/utf-32 (needs incremental
                # decoding of code units and BOM handling at the file's start).
                try:
                    wide = ''.encode(encoding) is not None
                except LookupError:
                    wide = False
                if wide:
                    raise NotImplementedError(
                        f"pvm's text files do not support the {encoding!r} encoding yet "
                        "(read bytes and decode them instead)")
                raise LookupError(f"unknown encoding: {encoding}")
        self._codec = codec
        self.errors = errors if errors is not None else 'strict'
        self._newline = newline
        self.line_buffering = line_buffering
        self._decoded = ''
        self._dpos = 0
        self._pending = b''
        self._eof = False

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    @property
    def mode(self):
        return self._mode

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def fileno(self):
        return self.buffer.fileno()

    def flush(self):
        self.buffer.flush()

    def close(self):
        if not self.buffer.closed:
            self.buffer.close()

    # -- reading

    def _decode(self, b, final):
        data = self._pending + b
        if self._codec == 'utf-8' and not final:
            k = _utf8_complete(data)
            self._pending = data[k:]
            data = data[:k]
        else:
            self._pending = b''
        s = data.decode(self._codec, self.errors)
        if self._newline is None:
            if s.endswith('\r') and not final:
                self._pending = b'\r' + self._pending
                s = s[:-1]
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        return s

    def _fill(self):
        """Decode another chunk into the read buffer; False at end of file."""
        if self._eof:
            return False
        b = self.buffer.read1(DEFAULT_BUFFER_SIZE * 8)
        if not b:
            self._eof = True
            tail = self._decode(b'', True) if self._pending else ''
            if tail:
                self._decoded = self._decoded[self._dpos:] + tail
                self._dpos = 0
                return True
            return False
        s = self._decode(b, False)
        self._decoded = self._decoded[self._dpos:] + s
        self._dpos = 0
        return True

    def _check_readable(self):
        self._check_closed()
        if not self.buffer.readable():
            raise UnsupportedOperation("not readable")

    def read(self, size=-1):
        self._check_readable()
        if size is None or size < 0:
            b = self.buffer.read()
            s = self._decoded[self._dpos:] + self._decode(b, True)
            self._decoded = ''
            self._dpos = 0
            self._eof = True
            return s
        while len(self._decoded) - self._dpos < size and self._fill():
            pass
        r = self._decoded[self._dpos:self._dpos + size]
        self._dpos += len(r)
        return r

    def _find_eol(self, start):
        buf = self._decoded
        nl = self._newline
        if nl is None or nl == '\n':
            i = buf.find('\n', start)
            return -1 if i < 0 else i + 1
        if nl == '\r\n':
            i = buf.find('\r\n', start)
            return -1 if i < 0 else i + 2
        if nl == '\r':
            i = buf.find('\r', start)
            return -1 if i < 0 else i + 1
        # newline='': any of \r, \n, \r\n, untranslated.
        i = start
        end = len(buf)
        while i < end:
            c = buf[i]
            if c == '\n':
                return i + 1
            if c == '\r':
                if i + 1 < end:
                    return i + 2 if buf[i + 1] == '\n' else i + 1
                return -2  # need more data to know
            i += 1
        return -1

    def readline(self, size=-1):
        self._check_readable()
        while True:
            e = self._find_eol(self._dpos)
            if e >= 0:
                break
            if not self._fill():
                e = len(self._decoded)
                if e == -2:
                    e = len(self._decoded)
                break
        if e < 0:
            e = len(self._decoded)
        if size is not None and size >= 0:
            e = min(e, self._dpos + size)
        r = self._decoded[self._dpos:e]
        self._dpos = e
        return r

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # -- writing

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        if not self.buffer.writable():
            raise UnsupportedOperation("not writable")
        n = len(s)
        if self._newline in ('\r', '\r\n'):
            s = s.replace('\n', self._newline)
        self._reset_read()
        self.buffer.write(s.encode(self._codec, self.errors))
        if self.line_buffering and ('\n' in s or '\r' in s):
            self.buffer.flush()
        return n

    # -- positioning

    def _reset_read(self):
        if self._dpos < len(self._decoded) or self._pending:
            # Move the OS position back to the logical one before writing or seeking.
            unread = self._decoded[self._dpos:].encode(self._codec, self.errors) + self._pending
            if unread:
                self.buffer.seek(-len(unread), 1)
        self._decoded = ''
        self._dpos = 0
        self._pending = b''
        self._eof = False

    def tell(self):
        self._check_closed()
        unread = self._decoded[self._dpos:].encode(self._codec, self.errors) + self._pending
        return self.buffer.tell() - len(unread)

    def seek(self, cookie, whence=0):
        self._check_closed()
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            return self.tell()
        if whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self._decoded = ''
            self._dpos = 0
            self._pending = b''
            self._eof = False
            return self.buffer.seek(0, 2)
        if whence != 0:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if cookie < 0:
            raise ValueError(f"negative seek position {cookie}")
        self._decoded = ''
        self._dpos = 0
        self._pending = b''
        self._eof = False
        return self.buffer.seek(cookie)

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self.buffer.truncate(pos)

    def __repr__(self):
        return f"<_io.TextIOWrapper name={self.name!r} mode={self._mode!r} encoding={self.encoding!r}>"


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
         opener=None):
    """Open a file and return a stream (text or binary, by mode)."""
    if not isinstance(file, (str, bytes, int)):
        fspath = getattr(type(file), '__fspath__', None)
        if fspath is None:
            raise TypeError(f"expected str, bytes or os.PathLike object, not {type(file).__name__}")
        file = fspath(file)
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    modes = set(mode)
    if modes - set("axrwb+tU") or len(mode) > len(modes):
        raise ValueError(f"invalid mode: '{mode}'")
    creating = 'x' in modes
    reading = 'r' in modes
    writing = 'w' in modes
    appending = 'a' in modes
    updating = '+' in modes
    text = 't' in modes
    binary = 'b' in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if isinstance(file, bytes):
        file = file.decode()
    raw_mode = ('x' if creating else 'r' if reading else 'w' if writing else 'a') + ('+' if updating else '')
    raw = FileIO(file, raw_mode)
    if updating:
        buf = BufferedRandom(raw)
    elif creating or writing or appending:
        buf = BufferedWriter(raw)
    else:
        buf = BufferedReader(raw)
    if binary:
        return buf
    t = TextIOWrapper(buf, encoding, errors, newline, buffering == 1)
    t._mode = mode
    return t
