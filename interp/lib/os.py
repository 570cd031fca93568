"""Operating-system interfaces (CPython 3.11's `os` API over pvm's native `posix`)."""

import posix
import posixpath as path
import sys

sys.modules['os.path'] = path

from posix import (getcwd, chdir, listdir, mkdir, rmdir, remove, unlink, rename, replace, getpid,
                   urandom, cpu_count, strerror)

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1

error = OSError
environ = posix.environ()


def getenv(key, default=None):
    "Get an environment variable, return None (or `default`) if it doesn't exist."
    return environ.get(key, default)


def putenv(key, value):
    environ[key] = value


def unsetenv(key):
    environ.pop(key, None)


def fspath(p):
    "Return the file system path representation of the object."
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(p).__name__}")
    r = f(p)
    if not isinstance(r, (str, bytes)):
        raise TypeError(f"expected {type(p).__name__}.__fspath__() to return str or bytes, "
                        f"not {type(r).__name__}")
    return r


class PathLike:
    pass


class stat_result:
    """Result of os.stat(): st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size and times."""

    def __init__(self, t):
        (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid,
         self.st_size, self.st_atime, self.st_mtime, self.st_ctime) = t
        self._t = (t[0], t[1], t[2], t[3], t[4], t[5], t[6], int(t[7]), int(t[8]), int(t[9]))

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._t)

    def __repr__(self):
        return ('os.stat_result(st_mode=%d, st_ino=%d, st_dev=%d, st_nlink=%d, st_uid=%d, st_gid=%d, '
                'st_size=%d, st_atime=%d, st_mtime=%d, st_ctime=%d)' % self._t)


def stat(p, *, dir_fd=None, follow_symlinks=True):
    return stat_result((posix.stat if follow_symlinks else posix.lstat)(fspath(p)))


def lstat(p, *, dir_fd=None):
    return stat_result(posix.lstat(fspath(p)))


def makedirs(name, mode=0o777, exist_ok=False):
    "Super-mkdir: create a leaf directory and all intermediate ones."
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)


class DirEntry:
    """An entry yielded by scandir(): name, path, is_dir(), is_file(), is_symlink(), stat()."""

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)

    def is_dir(self, *, follow_symlinks=True):
        return path.isdir(self.path) if follow_symlinks else (path.isdir(self.path) and not path.islink(self.path))

    def is_file(self, *, follow_symlinks=True):
        return path.isfile(self.path) if follow_symlinks else (path.isfile(self.path) and not path.islink(self.path))

    def is_symlink(self):
        return path.islink(self.path)

    def stat(self, *, follow_symlinks=True):
        return stat(self.path, follow_symlinks=follow_symlinks)

    def inode(self):
        return self.stat().st_ino

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"


class _ScandirIterator:
    def __init__(self, p):
        self._p = p
        self._it = iter([DirEntry(p, n) for n in listdir(p)])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

    def close(self):
        pass


def scandir(p='.'):
    "Return an iterator of DirEntry objects for the entries in the directory."
    return _ScandirIterator(fspath(p))


def walk(top, topdown=True, onerror=None, followlinks=False):
    "Directory tree generator: (dirpath, dirnames, filenames) for each directory."
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs, nondirs = [], []
    for n in names:
        if path.isdir(path.join(top, n)):
            dirs.append(n)
        else:
            nondirs.append(n)
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            new_path = path.join(top, d)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
    else:
        for d in dirs:
            new_path = path.join(top, d)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def access(p, mode, **kw):
    return path.exists(p)


def get_terminal_size(fd=1):
    raise OSError("pvm does not support os.get_terminal_size yet")
