"""Pathname operations on POSIX paths (`os.path`), with CPython 3.11's results."""

import posix

__all__ = ['join', 'split', 'splitext', 'basename', 'dirname', 'exists', 'isfile', 'isdir', 'islink',
           'getsize', 'getmtime', 'abspath', 'normpath', 'realpath', 'expanduser', 'isabs',
           'relpath', 'commonprefix', 'sep', 'curdir', 'pardir', 'extsep', 'altsep', 'pathsep',
           'defpath', 'devnull', 'lexists', 'samefile', 'splitdrive', 'normcase', 'commonpath',
           'getatime', 'getctime', 'expandvars']

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(p).__name__}")
    return f(p)


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith('/' if isinstance(s, str) else b'/')


def join(a, *p):
    a = _fspath(a)
    sep_ = '/' if isinstance(a, str) else b'/'
    path = a
    for b in p:
        b = _fspath(b)
        if type(b) is not type(a):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(sep_):
            path = b
        elif not path or path.endswith(sep_):
            path += b
        else:
            path += sep_ + b
    return path


def split(p):
    p = _fspath(p)
    sep_ = '/' if isinstance(p, str) else b'/'
    i = p.rfind(sep_) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep_ * len(head):
        head = head.rstrip(sep_)
    return head, tail


def splitext(p):
    p = _fspath(p)
    if isinstance(p, str):
        sep_, dot = '/', '.'
    else:
        sep_, dot = b'/', b'.'
    sep_index = p.rfind(sep_)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    sep_ = '/' if isinstance(p, str) else b'/'
    return p[p.rfind(sep_) + 1:]


def dirname(p):
    p = _fspath(p)
    sep_ = '/' if isinstance(p, str) else b'/'
    i = p.rfind(sep_) + 1
    head = p[:i]
    if head and head != sep_ * len(head):
        head = head.rstrip(sep_)
    return head


def exists(path):
    try:
        posix.stat(_fspath(path))
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    try:
        posix.lstat(_fspath(path))
    except (OSError, ValueError):
        return False
    return True


def _mode(path, follow=True):
    try:
        return (posix.stat if follow else posix.lstat)(_fspath(path))[0]
    except (OSError, ValueError):
        return None


def isfile(path):
    m = _mode(path)
    return m is not None and (m & 0o170000) == 0o100000


def isdir(s):
    m = _mode(s)
    return m is not None and (m & 0o170000) == 0o040000


def islink(path):
    m = _mode(path, False)
    return m is not None and (m & 0o170000) == 0o120000


def getsize(filename):
    return posix.stat(_fspath(filename))[6]


def getatime(filename):
    return posix.stat(_fspath(filename))[7]


def getmtime(filename):
    return posix.stat(_fspath(filename))[8]


def getctime(filename):
    return posix.stat(_fspath(filename))[9]


def samefile(f1, f2):
    s1 = posix.stat(_fspath(f1))
    s2 = posix.stat(_fspath(f2))
    return s1[1] == s2[1] and s1[2] == s2[2]


def normpath(path):
    path = _fspath(path)
    if isinstance(path, bytes):
        return normpath(path.decode()).encode()
    if path == '':
        return '.'
    initial_slashes = 1 if path.startswith('/') else 0
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    comps = path.split('/')
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if (comp != '..' or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == '..')):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/'.join(new_comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    path = _fspath(path)
    if isinstance(path, bytes):
        return abspath(path.decode()).encode()
    if not isabs(path):
        path = join(posix.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    filename = _fspath(filename)
    if isinstance(filename, bytes):
        return realpath(filename.decode()).encode()
    if strict:
        posix.stat(filename)
    return posix.realpath(filename)


def expanduser(path):
    path = _fspath(path)
    if isinstance(path, bytes):
        return expanduser(path.decode()).encode()
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i == 1:
        env = posix.environ()
        userhome = env.get('HOME')
        if userhome is None:
            return path
    else:
        name = path[1:i]
        userhome = None
        try:
            with open('/etc/passwd') as f:
                for line in f:
                    parts = line.split(':')
                    if parts[0] == name and len(parts) > 5:
                        userhome = parts[5]
                        break
        except OSError:
            pass
        if userhome is None:
            return path
    userhome = userhome.rstrip('/')
    return (userhome + path[i:]) or '/'


def expandvars(path):
    path = _fspath(path)
    if '$' not in path:
        return path
    import re
    env = posix.environ()

    def repl(m):
        name = m.group(1) or m.group(2)
        return env.get(name, m.group(0))
    return re.sub(r'\$(\w+)|\$\{([^}]*)\}', repl, path)


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    if start is None:
        start = curdir
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = [_fspath(p) for p in paths]
    split_paths = [p.split('/') for p in paths]
    isabs_ = {p.startswith('/') for p in paths}
    if len(isabs_) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in s if c and c != '.'] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = '/' if paths[0].startswith('/') else ''
    return prefix + '/'.join(common)
