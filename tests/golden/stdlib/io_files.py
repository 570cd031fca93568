# open(): text and binary files in a private temp directory (modes r/w/a/x/+, newlines, seek/tell,
# iteration, with), and CPython's OSError messages.
import os

d = "/tmp/pvm_io_%d" % os.getpid()
os.mkdir(d)
p = os.path.join(d, "a.txt")
with open(p, "w") as f:
    print(f.write("line one\nline two\n"), f.writable(), f.readable(), f.name == p, f.mode, f.closed)
    f.writelines(["three\n", "four"])
print(f.closed)
with open(p) as f:
    print(repr(f.read()))
with open(p) as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(p) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(p, "a") as f:
    f.write("\nappended\n")
with open(p, encoding="utf-8") as f:
    print(f.read().splitlines())
with open(p, "rb") as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:8], f.tell())
    f.seek(5)
    print(f.read(3), f.tell(), f.seek(-4, 2), f.read())
with open(p, "wb") as f:
    f.write(b"\x00\x01binary\xff")
with open(p, "rb") as f:
    print(f.read())
# newline translation
with open(p, "w", newline="") as f:
    f.write("a\r\nb\rc\nd")
with open(p, "rb") as f:
    print(f.read())
with open(p) as f:
    print(f.readlines())
with open(p, newline="") as f:
    print(f.readlines())
with open(p, "w", newline="\r\n") as f:
    f.write("x\ny\n")
with open(p, "rb") as f:
    print(f.read())
# unicode and latin-1
with open(p, "w", encoding="utf-8") as f:
    f.write("h\u00e9llo \u2603 w\u00f6rld\n" * 3)
with open(p, encoding="utf-8") as f:
    print(f.readline(), end="")
    print(f.tell())
    print(f.read(7))
with open(p, "w", encoding="latin-1") as f:
    f.write("caf\u00e9")
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="latin-1") as f:
    print(f.read())
# r+ and seek
with open(p, "w") as f:
    f.write("0123456789")
with open(p, "r+") as f:
    f.seek(3)
    f.write("abc")
    f.seek(0)
    print(f.read())
with open(p, "x" if False else "a+") as f:
    f.seek(0)
    print(f.read())
try:
    open(p, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == p)
missing = os.path.join(d, "missing.txt")
try:
    open(missing)
except FileNotFoundError as e:
    print(type(e).__name__, str(e).replace(d, "<d>"), e.errno)
try:
    open(d)
except IsADirectoryError as e:
    print(type(e).__name__, str(e).replace(d, "<d>"))
for bad in ["rw", "q", "rbt"]:
    try:
        open(p, bad)
    except ValueError as e:
        print("ValueError", e)
f = open(p)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
os.remove(p)
os.rmdir(d)
print(os.path.exists(d))
