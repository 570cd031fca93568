# sys's descriptions of the interpreter: struct sequences, constants, small queries.
import sys

# Struct sequences are named tuples: fields by name and by index, tuple comparison, unpacking.
vi = sys.version_info
print(vi[:2], vi.major, vi.minor, vi >= (3, 8), vi < (4,), isinstance(vi, tuple), len(vi))
major, minor, *rest = vi
print(major, minor, rest[1], vi == tuple(vi), hash(vi) == hash(tuple(vi)))
print('%d.%d' % vi[:2], '{0.major}.{0.minor}'.format(vi))
print(type(vi).__name__, type(vi).__module__, vi.n_fields, vi.n_sequence_fields, vi.n_unnamed_fields)
try:
    type(vi)((1, 2, 3, 'final', 0))
except TypeError as e:
    print('TypeError:', e)
try:
    vi.major = 4
except AttributeError:
    print('read-only field')

print(sys.float_info)
fi = sys.float_info
print(fi.max == 1.7976931348623157e+308, fi.epsilon == 2.0 ** -52, fi.mant_dig, fi.dig, fi.radix)
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
hi = sys.hash_info
print(hi.width, hi.modulus == 2 ** 61 - 1, hi.inf == hash(float('inf')), hi.imag, hash(1j) == hi.imag)
print(type(sys.flags).__name__, sys.flags.optimize, sys.flags.debug, sys.flags.inspect, len(sys.flags))
impl = sys.implementation
print(type(impl).__name__, isinstance(impl.name, str), impl.version == sys.version_info,
      impl.hexversion == sys.hexversion, impl.cache_tag.endswith('311'))

# Constants.
print(sys.maxsize == 2 ** 63 - 1, sys.maxunicode, sys.byteorder, sys.platform, sys.float_repr_style)
print(hex(sys.hexversion), sys.api_version, sys.abiflags == '', sys.version.startswith('3.11'))
print('sys' in sys.builtin_module_names, 'builtins' in sys.builtin_module_names)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())

# Small queries.
s = ''.join(['in', 'tern'])
print(sys.intern(s) == 'intern', sys.intern(s) is sys.intern(s))
try:
    sys.intern(5)
except TypeError as e:
    print('TypeError:', e)
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2 ** 30), sys.getsizeof(2 ** 100))
print(sys.getsizeof(1.5), sys.getsizeof(None), sys.getsizeof(True), sys.getsizeof(''), sys.getsizeof('abc'))
print(sys.getsizeof('\xe9'), sys.getsizeof('\u20ac'), sys.getsizeof('\U0001f600'), sys.getsizeof(b'ab'))
print(sys.getsizeof(()), sys.getsizeof((1, 2, 3)), sys.getsizeof([]), sys.getsizeof({}), sys.getsizeof(set()))


class Sized:
    def __sizeof__(self):
        return 100


print(sys.getsizeof(Sized()), sys.getsizeof(object(), 'default'))
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('ValueError:', e)
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
print(sys.gettrace(), sys.getprofile(), sys.is_finalizing(), sys.call_tracing(max, (3, 9, 4)))
sys.settrace(None)
sys.audit('pvm.test', 1)
print(sys.exc_info(), sys.exception())
try:
    1 / 0
except ZeroDivisionError as e:
    t, v, tb = sys.exc_info()
    print(t.__name__, v is e, sys.exception() is e)
print(sys.warnoptions, sys.meta_path == [] or isinstance(sys.meta_path, list))
