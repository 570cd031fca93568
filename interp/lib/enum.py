"""Enumerations (CPython 3.11's `enum`, written for pvm): Enum, IntEnum, StrEnum, Flag, IntFlag, auto,
unique, with 3.11's reprs, str()/format() and lookup errors.

Members are made when the class is created (EnumType.__new__): the class body's plain values become
instances of the enum class (for IntEnum/StrEnum, instances of an int/str subclass), stored in the class
dict, `_member_map_` (name -> member, aliases included), `_member_names_` (canonical members in
definition order) and `_value2member_map_` (value -> member, for `Color(1)`).
"""

import sys as _sys
from types import MappingProxyType, FunctionType as _FunctionType

__all__ = [
    "EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum",
    "auto", "unique", "property", "verify", "member", "nonmember", "FlagBoundary",
    "STRICT", "CONFORM", "EJECT", "KEEP", "global_flag_repr", "global_enum_repr",
    "global_str", "global_enum", "EnumCheck", "CONTINUOUS", "NAMED_FLAGS", "UNIQUE",
    "pickle_by_global_name", "pickle_by_enum_name",
]

_auto_null = object()
_builtin_property = property


class auto:
    """Placeholder replaced by an appropriate value (`_generate_next_value_`) when the class is made."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class member:
    """Force an object to be a member (e.g. a function)."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keep an object from becoming a member."""

    def __init__(self, value):
        self.value = value


def _is_descriptor(obj):
    return (
        hasattr(obj, "__get__")
        or hasattr(obj, "__set__")
        or hasattr(obj, "__delete__")
        or isinstance(obj, (staticmethod, classmethod, _builtin_property))
        or callable(obj) and not isinstance(obj, type)
    )


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1:2] != "_" and name[-2:-1] != "_"


def _is_private(cls_name, name):
    pattern = "_%s__" % (cls_name,)
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith("__")


def _is_single_bit(num):
    if num == 0:
        return False
    num &= num - 1
    return num == 0


def _bits(num):
    if num >= 0:
        return bin(num)[2:]
    return "-" + bin(~num)[2:]


def _bin(num, max_bits=None):
    """`0b0 1000`-style binary, as CPython's enum._bin shows it in Flag errors."""
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace("1", "0", 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


class FlagBoundary:
    pass


STRICT, CONFORM, EJECT, KEEP = "strict", "conform", "eject", "keep"


class EnumType(type):
    """Metaclass of enumerations: makes the members, and gives the class its container behaviour
    (iteration, len, `in`, lookup by value `Cls(v)` and by name `Cls[name]`)."""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        ns = {}
        members = []
        for key, value in classdict.items():
            if key in ignore or key in ("_ignore_", "_order_"):
                continue
            if isinstance(value, nonmember):
                ns[key] = value.value
            elif isinstance(value, member):
                members.append((key, value.value))
            elif (
                _is_dunder(key)
                or _is_sunder(key)
                or _is_private(cls, key)
                or _is_descriptor(value)
                or isinstance(value, type)
            ):
                ns[key] = value
            else:
                members.append((key, value))
        if members and first_enum is not None and first_enum._member_names_:
            raise TypeError("<enum %r> cannot extend %r" % (cls, first_enum))
        for key, _ in members:
            if key in ("mro", ""):
                raise ValueError("invalid enum member name: %r" % key)

        # A __new__ in the body makes the members; the class's own __new__ is Enum's lookup.
        new_member = ns.pop("__new__", None) if first_enum is not None else None
        if new_member is not None:
            ns["_new_member_"] = new_member
        if first_enum is not None and "_new_member_" not in ns:
            inherited = getattr(first_enum, "_new_member_", None)
            if inherited is not None:
                ns["_new_member_"] = inherited
        ns["_member_names_"] = []
        ns["_member_map_"] = {}
        ns["_value2member_map_"] = {}
        ns["_unhashable_values_"] = []
        ns["_member_type_"] = member_type
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        if boundary is not None:
            enum_class._boundary_ = boundary
        elif "_boundary_" not in ns:
            enum_class._boundary_ = getattr(first_enum, "_boundary_", None)
        if member_type is not object:
            # The enum's repr/str/format/hash win over the mixed-in data type's (which comes first in
            # the MRO), unless the class body defines its own.
            for name in ("__repr__", "__str__", "__format__", "__hash__"):
                if name in ns:
                    continue
                for b in enum_class.__mro__[1:]:
                    if isinstance(b, EnumType) and name in b.__dict__:
                        type.__setattr__(enum_class, name, b.__dict__[name])
                        break
        enum_class._flag_mask_ = 0
        enum_class._all_bits_ = 0
        enum_class._singles_mask_ = 0

        is_flag = Flag is not None and issubclass(enum_class, Flag)
        gnv = enum_class._generate_next_value_
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = gnv(name, 1, len(last_values), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(
                    (gnv(name, 1, len(last_values), last_values[:]) if v.value is _auto_null else v.value)
                    if isinstance(v, auto)
                    else v
                    for v in value
                )
            last_values.append(value)
            enum_class._add_member_(name, value, is_flag)

        if is_flag:
            singles = 0
            for m in enum_class._member_map_.values():
                v = m._value_
                if isinstance(v, int) and _is_single_bit(v):
                    singles |= v
            enum_class._singles_mask_ = singles
            enum_class._flag_mask_ = singles
            for m in enum_class._member_map_.values():
                if isinstance(m._value_, int):
                    enum_class._flag_mask_ |= m._value_
            enum_class._all_bits_ = 2 ** enum_class._flag_mask_.bit_length() - 1
        return enum_class

    def _add_member_(cls, name, value, is_flag):
        member_type = cls._member_type_
        if isinstance(value, tuple):
            args = value
        else:
            args = (value,)
        if member_type is tuple:
            args = (args,)
        new = cls.__dict__.get("_new_member_") or getattr(cls, "_new_member_", None)
        if new is not None:
            enum_member = new(cls, *args)
        elif member_type is object:
            enum_member = object.__new__(cls)
        else:
            enum_member = member_type.__new__(cls, *args)
        if not hasattr(enum_member, "_value_"):
            if member_type is object:
                enum_member._value_ = value
            else:
                enum_member._value_ = member_type(*args)
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = cls
        init = getattr(cls, "__init__", None)
        if isinstance(init, _FunctionType):
            init(enum_member, *args)
        enum_member._sort_order_ = len(cls._member_names_)

        canonical = None
        try:
            canonical = cls._value2member_map_.get(value)
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is None:
            for m in cls._unhashable_values_:
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is not None:
            enum_member = canonical
        elif not is_flag or not isinstance(value, int) or _is_single_bit(value):
            # Flags iterate over their single-bit members only (multi-bit and zero values are names
            # for combinations).
            cls._member_names_.append(name)
        cls._member_map_[name] = enum_member
        if canonical is None:
            try:
                cls._value2member_map_.setdefault(value, enum_member)
            except TypeError:
                cls._unhashable_values_.append(enum_member)
        type.__setattr__(cls, name, enum_member)

    @classmethod
    def _get_mixins_(metacls, class_name, bases):
        if not bases:
            return object, None
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as `EnumName([mixin_type, ...] [data_type,] enum_type)`")
        member_type = object
        for base in bases:
            for b in base.__mro__:
                if b is object:
                    continue
                if isinstance(b, EnumType):
                    mt = b.__dict__.get("_member_type_")
                    if mt is not None and mt is not object:
                        member_type = mt
                        break
                    continue
                member_type = b
                break
            if member_type is not object:
                break
        return member_type, first_enum

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start, boundary=boundary)

    def _lookup_(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._unhashable_values_:
                if m._value_ == value:
                    return m
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        else:
            exc = None
        if isinstance(result, cls):
            return result
        ve = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if result is None and exc is None:
            raise ve
        if exc is None:
            exc = TypeError(
                "error in %s._missing_: returned %r instead of None or a valid member"
                % (cls.__name__, result)
            )
        if not isinstance(exc, ValueError):
            exc.__context__ = ve
        raise exc

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if isinstance(names, dict):
            names = names.items()
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        classdict["__module__"] = module if module is not None else "__main__"
        if qualname is not None:
            classdict["__qualname__"] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'"
                % (type(member).__qualname__, cls.__class__.__qualname__)
            )
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        names = set(["__class__", "__doc__", "__members__", "__module__"])
        names.update(cls._member_names_)
        return sorted(names)


EnumMeta = EnumType
Flag = None


class Enum(metaclass=EnumType):
    """Base class of enumerations: `class Color(Enum): RED = 1`."""

    def __new__(cls, value):
        return cls._lookup_(value)

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last_value = sorted(last_values).pop()
        except TypeError:
            raise TypeError("unable to sort non-numeric values") from None
        try:
            return last_value + 1
        except TypeError:
            raise TypeError("unable to increment %r" % (last_value,)) from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_

    _value_repr_ = None


class ReprEnum(Enum):
    """Only the repr() is the enum's; str() and format() are the mixed-in type's."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""

    def __hash__(self):
        return hash(self._value_)


class StrEnum(str, ReprEnum):
    """Enum whose members are also strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): %r" % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError("%r is not a string" % (values[0],))
        value = str(*values)
        m = str.__new__(cls, value)
        m._value_ = value
        return m

    def __hash__(self):
        return hash(self._value_)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _flag_names(cls, value):
    """Names of the canonical members whose bits make up value (definition order)."""
    names = []
    for name in cls._member_names_:
        m = cls._member_map_[name]
        v = m._value_
        if v and v & value == v:
            names.append(name)
    return names


class Flag(Enum):
    """Enum whose members combine with |, & and ^ (bit flags)."""

    _boundary_ = STRICT

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError("invalid flag value %r" % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        boundary = cls._boundary_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if boundary is STRICT or boundary == STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(
                    "%r invalid value %r\n    given %s\n  allowed %s"
                    % (cls, value, _bin(value, max_bits), _bin(flag_mask, max_bits))
                )
            elif boundary == CONFORM:
                value = value & flag_mask
            elif boundary == EJECT:
                return value
            elif boundary == KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** value.bit_length()) + value
            else:
                raise ValueError("%r unknown flag boundary %r" % (cls, boundary))
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        member_value = value & flag_mask
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo_member, "_value_"):
            pseudo_member._value_ = value
        names = _flag_names(cls, member_value)
        if names:
            pseudo_member._name_ = "|".join(names)
            if unknown:
                pseudo_member._name_ += "|%d" % unknown
        else:
            pseudo_member._name_ = None
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r"
                % (type(other).__qualname__, self.__class__.__qualname__)
            )
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for name in self._member_names_:
            m = self._member_map_[name]
            v = m._value_
            if v and v & self._value_ == v:
                yield m

    def __len__(self):
        return sum(1 for _ in self)

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "%s(%r)" % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        if self._member_type_ is not object and isinstance(flag, self._member_type_):
            return flag
        return NotImplemented

    def __or__(self, other):
        value = self._get_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | value)

    def __and__(self, other):
        value = self._get_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & value)

    def __xor__(self, other):
        value = self._get_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ value)

    def __invert__(self):
        if self._boundary_ in (EJECT, KEEP):
            return self.__class__(~self._value_)
        return self.__class__(self._singles_mask_ & ~self._value_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are also ints (operations with plain ints keep the flag type)."""

    def __hash__(self):
        return hash(self._value_)

    __str__ = ReprEnum.__str__
    __format__ = ReprEnum.__format__
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__


def unique(enumeration):
    """Class decorator: raise ValueError if any value has more than one name."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ", ".join("%s -> %s" % (alias, name) for (alias, name) in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration


class EnumCheck:
    pass


CONTINUOUS, NAMED_FLAGS, UNIQUE = "no skipped integer values", "multi-flag aliases may not contain unnamed flags", "one name per value"


class verify:
    """Class decorator checking UNIQUE / CONTINUOUS / NAMED_FLAGS constraints."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        cls_name = enumeration.__name__
        for check in self.checks:
            if check == UNIQUE:
                unique(enumeration)
            elif check == CONTINUOUS:
                values = set(e.value for e in enumeration)
                if len(values) < 2:
                    continue
                low, high = min(values), max(values)
                missing = [v for v in range(low, high) if v not in values]
                if missing:
                    raise ValueError(
                        "invalid enum %r: missing values %s"
                        % (cls_name, ", ".join(str(m) for m in missing))
                    )
        return enumeration


def global_enum_repr(self):
    return "%s.%s" % (self.__class__.__module__.split(".")[-1], self._name_)


def global_flag_repr(self):
    module = self.__class__.__module__.split(".")[-1]
    if self._name_ is None:
        return "%s.%s(%r)" % (module, self.__class__.__name__, self._value_)
    return "|".join("%s.%s" % (module, n) for n in self._name_.split("|"))


def global_str(self):
    if self._name_ is None:
        return "%s(%r)" % (self.__class__.__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Export the members to the module's namespace and show them as module-level names."""
    if issubclass(cls, Flag):
        cls.__repr__ = global_flag_repr
    else:
        cls.__repr__ = global_enum_repr
    if not issubclass(cls, ReprEnum) or update_str:
        cls.__str__ = global_str
    module = _sys.modules.get(cls.__module__)
    if module is not None:
        module.__dict__.update(cls.__members__)
    return cls


def pickle_by_global_name(self, proto):
    return self.name


def pickle_by_enum_name(self, proto):
    return getattr, (self.__class__, self._name_)


# `enum.property`: a property that is not visible on the class (so members may be named `name`).
from types import DynamicClassAttribute as property  # noqa: E402
