# os and os.path: paths (pure functions), a private temp tree (mkdir/makedirs/listdir/walk/scandir/
# stat/rename/remove), environ, getpid/urandom, and CPython's OSError messages.
import os
import os.path

print(os.sep, repr(os.linesep), os.name, os.curdir, os.pardir)
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/abs", "y"), os.path.join("a/", "b"))
for p in ["/usr/lib/python3.11/os.py", "rel/file.tar.gz", "/", "noext", ".bashrc", "a/b/", "//x"]:
    print(repr(p), os.path.split(p), os.path.splitext(p), os.path.basename(p), os.path.dirname(p))
for p in ["a//b/./c/..", "/../x", "", "./", "a/../..", "//a//b"]:
    print(repr(p), repr(os.path.normpath(p)))
print(os.path.isabs("/a"), os.path.isabs("a"), os.path.abspath("/a/b/../c"))
print(os.path.abspath("x") == os.path.join(os.getcwd(), "x"))
print(os.path.relpath("/a/b/c", "/a"), os.path.relpath("/a", "/a/b/c"), os.path.commonprefix(["abc", "abd"]))
print(os.path.expanduser("~/x") == os.path.join(os.environ["HOME"], "x"), os.path.expanduser("x~"))
print(os.getenv("PVM_SURELY_UNSET_VAR"), os.getenv("PVM_SURELY_UNSET_VAR", "dflt"))
print(isinstance(os.getpid(), int), len(os.urandom(16)), type(os.urandom(4)).__name__)

base = "/tmp/pvm_os_%d" % os.getpid()
os.makedirs(os.path.join(base, "sub", "deep"))
os.makedirs(os.path.join(base, "sub"), exist_ok=True)
with open(os.path.join(base, "f1.txt"), "w") as f:
    f.write("12345")
with open(os.path.join(base, "sub", "f2.txt"), "w") as f:
    f.write("x")
print(sorted(os.listdir(base)), os.path.exists(base), os.path.isdir(base), os.path.isfile(base))
print(os.path.getsize(os.path.join(base, "f1.txt")), os.stat(os.path.join(base, "f1.txt")).st_size)
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(root.replace(base, "<base>"), dirs, sorted(files))
with os.scandir(base) as it:
    print(sorted((e.name, e.is_dir(), e.is_file()) for e in it))
os.rename(os.path.join(base, "f1.txt"), os.path.join(base, "g.txt"))
print(sorted(os.listdir(base)))
for fn, arg in [(os.mkdir, base), (os.rmdir, os.path.join(base, "sub")), (os.remove, os.path.join(base, "nope")),
                (os.listdir, os.path.join(base, "nope")), (os.stat, os.path.join(base, "nope"))]:
    try:
        fn(arg)
    except OSError as e:
        print(type(e).__name__, e.errno, str(e).replace(base, "<base>"))
os.remove(os.path.join(base, "g.txt"))
os.remove(os.path.join(base, "sub", "f2.txt"))
os.rmdir(os.path.join(base, "sub", "deep"))
os.rmdir(os.path.join(base, "sub"))
os.rmdir(base)
print(os.path.exists(base))
cwd = os.getcwd()
os.chdir("/tmp")
print(os.getcwd() == os.path.realpath("/tmp"))
os.chdir(cwd)
