# io.StringIO / io.BytesIO: read/readline/readlines/write/seek/tell/getvalue/iteration/with.
import io

s = io.StringIO()
print(s.write("hello\n"), s.write("world\n"), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
s.seek(0)
print(s.readlines())
s.seek(2)
s.write("LL")
print(repr(s.getvalue()), s.tell())
s.seek(0, 2)
s.write("!")
print(repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()))
s = io.StringIO("a\nb\nc")
print([line for line in s])
with io.StringIO("x\ny") as f:
    print(f.read(1), f.read(1), f.readable(), f.writable(), f.seekable())
print(f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
s = io.StringIO("a\r\nb\rc", newline=None)
print(repr(s.getvalue()))
s = io.StringIO(newline="")
s.write("a\r\nb\rc\n")
s.seek(0)
print(s.readlines())
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print("TypeError", e)
b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.tell(), b.readlines())
b.seek(1)
b.write(b"XY")
print(b.getvalue(), b.seek(-2, 2), b.read())
b = io.BytesIO()
for i in range(3):
    b.write(bytes([65 + i]) * 2)
print(b.getvalue(), b.tell())
with io.BytesIO(b"1\n2\n") as bf:
    print(list(bf))
try:
    io.BytesIO().write("s")
except TypeError as e:
    print("TypeError", e)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, isinstance(io.StringIO(), io.TextIOBase))
import sys
out = io.StringIO()
print("to a buffer", 42, file=out)
print(repr(out.getvalue()))
