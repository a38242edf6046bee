"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag and their tools
(auto, unique, verify, member/nonmember, FlagBoundary...).

weft note: written for weft from the documentation, printing and behaving
as CPython 3.11's enum does. One difference: a name assigned twice in an
enum body keeps its last value (CPython raises "Attempted to reuse key"),
because weft runs class bodies in a plain dict.
"""

import sys
from types import MappingProxyType, DynamicClassAttribute, FunctionType
from functools import reduce
from operator import or_ as _or_

__all__ = [
    "EnumType", "EnumMeta",
    "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum",
    "auto", "unique", "property", "verify", "member", "nonmember",
    "FlagBoundary", "STRICT", "CONFORM", "EJECT", "KEEP",
    "global_flag_repr", "global_enum_repr", "global_str", "global_enum",
    "EnumCheck", "CONTINUOUS", "NAMED_FLAGS", "UNIQUE",
    "pickle_by_global_name", "pickle_by_enum_name", "show_flag_values",
]

# Set once the classes exist (the metaclass must tell "making Enum itself"
# from "making an enum").
Enum = Flag = EJECT = _stdlib_enums = ReprEnum = None


_builtin_property = property


class nonmember:
    """Protect a value from becoming an enum member."""

    def __init__(self, value):
        self.value = value


class member:
    """Force a value (a function, say) to become an enum member."""

    def __init__(self, value):
        self.value = value


class property(DynamicClassAttribute):
    """An enum member's attribute (name, value...) that, read through the
    enum class, finds a member of that name instead."""

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            try:
                return ownerclass._member_map_[self.name]
            except KeyError:
                raise AttributeError(
                    f"{ownerclass.__name__!r} has no attribute {self.name!r}") from None
        if self.fget is None:
            return instance.__dict__[self.name]
        return self.fget(instance)

    def __set_name__(self, ownerclass, name):
        self.name = name


class _AutoNull:
    def __repr__(self):
        return "_auto_null"


_auto_null = _AutoNull()


class auto:
    """Instances are replaced with an appropriate value in Enum class
    suites (the next integer, a power of two for Flag, the lower-cased name
    for StrEnum)."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f"auto({self.value!r})"


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" \
        and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1:2] != "_" \
        and name[-2:-1] != "_"


def _is_private(cls_name, name):
    pattern = f"_{cls_name}__"
    return name.startswith(pattern) and len(name) > len(pattern) and \
        not name.endswith("__")


def _is_descriptor(obj):
    if isinstance(obj, (FunctionType, classmethod, staticmethod, _builtin_property)):
        return True
    return hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")


def _high_bit(value):
    return value.bit_length() - 1


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _iter_bits_lsb(num):
    while num:
        bit = num & (~num + 1)
        yield bit
        num ^= bit


def show_flag_values(value):
    """The single-bit values in value, lowest first."""
    return list(_iter_bits_lsb(value))


def bin(num, max_bits=None):
    """num in binary as enum's error messages show it: '0b' and a sign
    digit, a space, then the bits (two's complement for negatives)."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = format(num + ceiling, "b")[1:]
        sign = "0"
    else:
        s = format(~num ^ (ceiling - 1) + ceiling, "b")[1:]
        sign = "1"
    if max_bits is not None and len(s) < max_bits:
        s = (sign * (max_bits - len(s))) + s
    return f"0b{sign} {s}"


# ---------------------------------------------------------------- the metaclass

class EnumType(type):
    """Metaclass for Enum: collects the members of the class body, and
    makes the class iterable, subscriptable by name and callable by value."""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if Enum is None or "_weft_enum_base" in classdict:
            # Enum, ReprEnum, IntEnum, Flag... themselves: no members.
            classdict.pop("_weft_enum_base", None)
            base = super().__new__(metacls, cls, bases, classdict, **kwds)
            data = [b for b in bases if not isinstance(b, EnumType)]
            member_type = data[0] if data else object
            for b in bases:
                if isinstance(b, EnumType) and b._member_type_ is not object:
                    member_type = b._member_type_
            for key, value in (("_member_names_", []), ("_member_map_", {}),
                               ("_value2member_map_", {}), ("_unhashable_values_", []),
                               ("_member_type_", member_type),
                               ("_value_repr_", metacls._find_data_repr_(cls, bases)),
                               ("_new_member_", member_type.__new__),
                               ("_use_args_", member_type is not object)):
                type.__setattr__(base, key, value)
            enums = [b for b in bases if isinstance(b, EnumType)]
            if enums:
                _keep_enum_methods(base, classdict, member_type, enums[-1])
            return base
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        ignore = list(ignore)
        members = []
        for key, value in list(classdict.items()):
            if key in ignore or key == "_ignore_":
                classdict.pop(key, None)
                continue
            if isinstance(value, nonmember):
                classdict[key] = value.value
                continue
            if isinstance(value, member):
                members.append((key, value.value))
                del classdict[key]
                continue
            if _is_private(cls, key) or _is_dunder(key):
                continue
            if _is_sunder(key):
                if key not in ("_order_", "_generate_next_value_", "_missing_", "_numeric_repr_",
                               "_iter_member_", "_iter_member_by_value_",
                               "_iter_member_by_def_", "_value_", "_name_",
                               "_add_alias_", "_add_value_alias_", "_settle_"):
                    raise ValueError(f"_sunder_ names, such as {key!r}, are reserved for "
                                     "future Enum use")
                continue
            if _is_descriptor(value) or isinstance(value, type):
                continue
            members.append((key, value))
            del classdict[key]
        names = [k for k, _ in members]
        if "mro" in names:
            raise ValueError("invalid enum member name(s) mro")
        order = classdict.pop("_order_", None)
        for b in bases:
            if isinstance(b, EnumType) and b._member_names_:
                raise TypeError(f"<enum {cls!r}> cannot extend {b!r}")
        classdict["_new_member_"] = None
        classdict["_member_names_"] = []
        classdict["_member_map_"] = {}
        classdict["_value2member_map_"] = {}
        classdict["_unhashable_values_"] = []
        classdict["_member_type_"] = member_type
        classdict["_value_repr_"] = metacls._find_data_repr_(cls, bases)
        flag_like = Flag is not None and any(issubclass(b, Flag) for b in bases
                                             if isinstance(b, type))
        if flag_like:
            classdict["_boundary_"] = boundary or getattr(first_enum, "_boundary_", None)
            classdict["_flag_mask_"] = 0
            classdict["_singles_mask_"] = 0
            classdict["_all_bits_"] = 0
            classdict["_inverted_"] = None
        custom_new = classdict.get("__new__")
        if custom_new is not None and not isinstance(custom_new, staticmethod):
            custom_new = staticmethod(custom_new)
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        if custom_new is not None:
            new = custom_new.__func__
            use_args = True
        else:
            new = _find_new(bases, member_type, first_enum)
            use_args = new is not object.__new__
        type.__setattr__(enum_class, "_new_member_", new)
        type.__setattr__(enum_class, "_use_args_", use_args)
        generate = getattr(enum_class, "_generate_next_value_")
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = generate(name, 1, len(last_values), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                fixed = []
                for v in value:
                    if isinstance(v, auto):
                        if v.value is _auto_null:
                            v.value = generate(name, 1, len(last_values), last_values[:])
                        v = v.value
                    fixed.append(v)
                value = tuple(fixed)
            _add_member(enum_class, name, value, new, use_args, member_type)
            last_values.append(value)
        if flag_like:
            _setup_flag(enum_class)
        if order is not None:
            if isinstance(order, str):
                order = order.replace(",", " ").split()
            if list(order) != enum_class._member_names_:
                raise TypeError(f"member order does not match _order_:\n  "
                                f"{enum_class._member_names_!r}\n  {list(order)!r}")
        _keep_enum_methods(enum_class, classdict, member_type, first_enum)
        # A ReprEnum keeps its data type's str() and format().
        if ReprEnum is not None and ReprEnum in enum_class.__mro__ and \
                member_type is not object:
            if "__format__" not in classdict:
                type.__setattr__(enum_class, "__format__", member_type.__format__)
            if "__str__" not in classdict:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, "__str__", method)
        return enum_class

    def __init__(cls, *args, boundary=None, _simple=False, **kwds):
        super().__init__(*args[:3])

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        """Look a member up by value: Color(1) is Color.RED. With names,
        make a new enum class (the functional API)."""
        if names is None:
            try:
                return cls._value2member_map_[value]
            except (KeyError, TypeError):
                return _lookup_slow(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def __contains__(cls, value):
        if not isinstance(value, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(value).__qualname__}' and '{cls.__class__.__qualname__}'")
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f"{cls.__name__!r} cannot delete member {attr!r}.")
        super().__delattr__(attr)

    def __dir__(cls):
        interesting = set([
            "__class__", "__contains__", "__doc__", "__getitem__", "__init_subclass__",
            "__iter__", "__len__", "__members__", "__module__", "__name__",
            "__qualname__",
        ] + cls._member_names_)
        if cls._member_type_ is object:
            return sorted(interesting)
        return sorted(set(dir(cls._member_type_)) | interesting)

    def __getitem__(cls, name):
        """Look a member up by name: Color['RED']."""
        return cls._member_map_[name]

    def __iter__(cls):
        """The members in definition order (not aliases)."""
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @DynamicClassAttribute
    def __members__(cls):
        """A read-only mapping of every member name (aliases included) to
        its member."""
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __bool__(cls):
        return True

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        """The functional API: Enum('Name', 'A B C') and its variants."""
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        body = {}
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            generate = _find_generate(bases) or Enum._generate_next_value_
            original, names, last = names, [], []
            for count, name in enumerate(original):
                value = generate(name, start, count, last[:])
                last.append(value)
                names.append((name, value))
        if hasattr(names, "items"):
            names = list(names.items())
        for item in names:
            if isinstance(item, str):
                name, value = item, names[item]
            else:
                name, value = item
            body[name] = value
        if module is None:
            try:
                module = sys._getframe(2).f_globals["__name__"]
            except (AttributeError, ValueError, KeyError):
                pass
        body["__module__"] = module if module is not None else "__main__"
        if qualname is not None:
            body["__qualname__"] = qualname
        return metacls.__new__(metacls, class_name, bases, body, boundary=boundary)

    @classmethod
    def _get_mixins_(metacls, class_name, bases):
        """The data type members are made of (object for plain enums) and
        the last enum base."""
        if not bases:
            return object, Enum
        last = bases[-1]
        if not isinstance(last, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        member_type = _find_data_type(class_name, bases) or object
        return member_type, last

    @classmethod
    def _find_data_repr_(metacls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    return base.__dict__.get("_value_repr_")
                if "__repr__" in vars(base):
                    return base.__repr__
        return None


EnumMeta = EnumType


def _keep_enum_methods(enum_class, classdict, member_type, first_enum):
    # The data type's methods must not shadow the enum's own repr, str,
    # format and pickling (int.__repr__ comes before Enum.__repr__ in an
    # IntEnum's MRO); methods the class body defines stay.
    for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
        if name in classdict:
            continue
        found = getattr(enum_class, name)
        if found is getattr(member_type, name) or found is getattr(object, name):
            type.__setattr__(enum_class, name, getattr(first_enum, name))
    # Likewise a flag's operators come from Flag, not from int.
    if Flag is not None and issubclass(enum_class, Flag):
        for name in ("__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__",
                     "__invert__"):
            if name not in classdict:
                type.__setattr__(enum_class, name, getattr(Flag, name))


def _find_data_type(class_name, bases):
    found = set()
    for chain in bases:
        candidate = None
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    found.add(base._member_type_)
                    break
            elif "__new__" in vars(base) or "__dataclass_fields__" in vars(base):
                found.add(candidate or base)
                break
            else:
                candidate = candidate or base
    if len(found) > 1:
        raise TypeError(f"too many data types for {class_name!r}: {found!r}")
    return found.pop() if found else None


def _find_new(bases, member_type, first_enum):
    # How members are made: a __new__ saved by an enum base, the data
    # type's __new__, or object.__new__.
    for chain in (first_enum, member_type):
        saved = getattr(chain, "_new_member_", None) if isinstance(chain, EnumType) else None
        if saved is not None and saved is not object.__new__:
            return saved
    if member_type is not object:
        return member_type.__new__
    return object.__new__


def _find_generate(bases):
    for base in bases:
        for klass in base.__mro__:
            g = vars(klass).get("_generate_next_value_")
            if g is not None:
                return g
    return None


def _add_member(enum_class, name, value, new, use_args, member_type):
    args = value if isinstance(value, tuple) else (value,)
    if member_type is tuple:
        args = (args,)
    if not use_args:
        enum_member = new(enum_class)
        if not hasattr(enum_member, "_value_"):
            enum_member._value_ = value
    else:
        enum_member = new(enum_class, *args)
        if not hasattr(enum_member, "_value_"):
            enum_member._value_ = value if member_type is object else member_type(*args)
    value = enum_member._value_
    enum_member._name_ = name
    enum_member.__objclass__ = enum_class
    enum_member.__init__(*args)
    enum_member._sort_order_ = len(enum_class._member_names_)
    # An alias: the same value as an earlier member.
    canonical = None
    try:
        canonical = enum_class._value2member_map_.get(value)
    except TypeError:
        for m in enum_class._member_map_.values():
            if m._value_ == value:
                canonical = m
                break
    if canonical is None:
        for m_name in enum_class._member_names_:
            m = enum_class._member_map_[m_name]
            if m._value_ == value:
                canonical = m
                break
    if canonical is not None:
        enum_member = canonical
    else:
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if not is_flag or (isinstance(value, int) and _is_single_bit(value)):
            enum_class._member_names_.append(name)
    enum_class._member_map_[name] = enum_member
    try:
        enum_class._value2member_map_.setdefault(value, enum_member)
    except TypeError:
        enum_class._unhashable_values_.append(value)
    type.__setattr__(enum_class, name, enum_member)


def _lookup_slow(cls, value):
    # The value is not a member's: unhashable values, then _missing_.
    for m in cls._member_map_.values():
        if m._value_ == value:
            return m
    if isinstance(value, cls):
        return value
    error = None
    try:
        result = cls._missing_(value)
    except Exception as e:
        error = e
        result = None
    if isinstance(result, cls):
        return result
    if Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT and \
            isinstance(result, int):
        return result
    invalid = ValueError(f"{value!r} is not a valid {cls.__qualname__}")
    if result is None and error is None:
        raise invalid
    if error is None:
        error = TypeError(f"error in {cls.__name__}._missing_: returned {result!r} "
                          f"instead of None or a valid member")
    if not isinstance(error, ValueError):
        error.__context__ = invalid
    raise error


# ---------------------------------------------------------------- Enum

class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs.

    Example enumeration:

    >>> class Color(Enum):
    ...     RED = 1
    ...     BLUE = 2
    ...     GREEN = 3

    Access them by:

    - attribute access:

      >>> Color.RED
      <Color.RED: 1>

    - value lookup:

      >>> Color(1)
      <Color.RED: 1>

    - name lookup:

      >>> Color['RED']
      <Color.RED: 1>

    Enumerations can be iterated over, and know how many members they have:

    >>> len(Color)
    3

    >>> list(Color)
    [<Color.RED: 1>, <Color.BLUE: 2>, <Color.GREEN: 3>]

    Methods can be added to enumerations, and members can have their own
    attributes -- see the documentation for details.
    """

    _weft_enum_base = True

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """The value auto() gives: one more than the largest value so far
        (the start when there is none, or none can be added to)."""
        if not count:
            return start
        for last in sorted(last_values, reverse=True, key=_sort_key):
            try:
                return last + 1
            except TypeError:
                continue
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return f"<{self.__class__.__name__}.{self._name_}: {v_repr(self._value_)}>"

    def __str__(self):
        return f"{self.__class__.__name__}.{self._name_}"

    def __dir__(self):
        cls = type(self)
        own = [n for n in vars(self) if not n.startswith("_")]
        methods = set()
        for klass in cls.__mro__:
            if klass is Enum or klass is object:
                break
            for name, value in vars(klass).items():
                if name.startswith("_") or name in cls._member_map_:
                    continue
                methods.add(name)
        names = {"__class__", "__doc__", "__eq__", "__hash__", "__module__", "name",
                 "value"} | methods | set(own)
        if cls._member_type_ is not object:
            names |= set(dir(cls._member_type_))
        return sorted(names)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


def _sort_key(v):
    return (0, v) if isinstance(v, (int, float)) else (1, 0)


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in
    type."""
    _weft_enum_base = True


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""
    _weft_enum_base = True


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""
    _weft_enum_base = True

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f"too many arguments for str(): {values!r}")
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f"{values[0]!r} is not a string")
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError(f"encoding must be a string, not {values[1]!r}")
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError(f"errors must be a string, not {values[2]!r}")
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """The lower-cased member name."""
        return name.lower()


# ---------------------------------------------------------------- Flag

class FlagBoundary(StrEnum):
    """What a Flag does with a value that has bits no member has: STRICT
    raises ValueError, CONFORM drops them, EJECT returns a plain int, KEEP
    keeps them."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


def _setup_flag(cls):
    mask = 0
    singles = 0
    for m in cls._member_map_.values():
        v = m._value_
        if isinstance(v, int):
            mask |= v
            if _is_single_bit(v):
                singles |= v
    type.__setattr__(cls, "_flag_mask_", mask)
    type.__setattr__(cls, "_singles_mask_", singles)
    type.__setattr__(cls, "_all_bits_", 2 ** mask.bit_length() - 1)
    if cls._boundary_ is None:
        type.__setattr__(cls, "_boundary_", STRICT)


class Flag(Enum, boundary=None):
    """Support for flags: members combine with |, & and ^."""

    _weft_enum_base = True
    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """The next power of two above every value so far (start when
        there is none)."""
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        try:
            high = _high_bit(last)
        except Exception:
            raise TypeError(f"invalid flag value {last!r}") from None
        return 2 ** (high + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        for bit in sorted(_iter_bits_lsb(value & cls._flag_mask_)):
            yield cls._value2member_map_.get(bit)

    @classmethod
    def _iter_member_(cls, value):
        # The members whose bits make up value, in definition order.
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if m._value_ & value == m._value_ and m._value_:
                yield m

    @classmethod
    def _missing_(cls, value):
        """A pseudo-member for a combination of members' values (made once,
        then kept with the members)."""
        if not isinstance(value, int):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        boundary = cls._boundary_
        neg = value
        if value < 0:
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        if unknown:
            if boundary is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(f"{cls!r} invalid value {neg!r}\n"
                                 f"    given {bin(value, max_bits)}\n"
                                 f"  allowed {bin(flag_mask, max_bits)}")
            if boundary is CONFORM:
                value &= flag_mask
                unknown = 0
            elif boundary is EJECT:
                return value
        member_type = cls._member_type_
        if member_type is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = member_type.__new__(cls, value)
        if not hasattr(pseudo, "_value_"):
            pseudo._value_ = value
        names = [m._name_ for m in cls._iter_member_(value & flag_mask)]
        if names:
            if unknown:
                names.append(cls._numeric_repr_(unknown))
            pseudo._name_ = "|".join(names)
        else:
            pseudo._name_ = None
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if neg != value:
            cls._value2member_map_.setdefault(neg, pseudo)
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"{type(other).__qualname__!r} and {self.__class__.__qualname__!r}")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(list(self._iter_member_(self._value_)))

    def __len__(self):
        return self._value_.bit_count() if isinstance(self._value_, int) else 0

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return f"<{cls_name}: {v_repr(self._value_)}>"
        return f"<{cls_name}.{self._name_}: {v_repr(self._value_)}>"

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"{cls_name}({self._value_!r})"
        return f"{cls_name}.{self._name_}"

    def __bool__(self):
        return bool(self._value_)

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        if self._member_type_ is not object and isinstance(flag, self._member_type_):
            return flag
        return NotImplemented

    def __or__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other_value)

    def __and__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other_value)

    def __xor__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other_value)

    def __invert__(self):
        cls = self.__class__
        if cls._boundary_ in (EJECT, KEEP):
            return cls(~self._value_)
        return cls(cls._singles_mask_ & ~self._value_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""
    _weft_enum_base = True


for _cls, _boundary in ((Flag, STRICT), (IntFlag, KEEP)):
    type.__setattr__(_cls, "_boundary_", _boundary)
    type.__setattr__(_cls, "_inverted_", None)
    _setup_flag(_cls)
del _cls, _boundary


# ---------------------------------------------------------------- decorators

def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = [(name, m.name) for name, m in enumeration.__members__.items()
                  if name != m.name]
    if duplicates:
        details = ", ".join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {details}")
    return enumeration


class EnumCheck(StrEnum):
    """Various conditions to check an enumeration for."""
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """Check an enumeration for various constraints. (see EnumCheck)"""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        cls_name = enumeration.__name__
        for check in self.checks:
            if check is UNIQUE:
                unique(enumeration)
            elif check is CONTINUOUS:
                values = set(m.value for m in enumeration)
                if len(values) < 2:
                    continue
                low, high = min(values), max(values)
                if Flag is not None and issubclass(enumeration, Flag):
                    wanted = {2 ** i for i in range(_high_bit(low), _high_bit(high) + 1)}
                else:
                    wanted = set(range(low, high + 1))
                missing = sorted(wanted - values)
                if missing:
                    raise ValueError(f"invalid enum {cls_name!r}: missing values "
                                     f"{', '.join(str(v) for v in missing)}")
            elif check is NAMED_FLAGS:
                member_names = enumeration._member_names_
                missing = []
                for name, m in enumeration._member_map_.items():
                    if name in member_names or not isinstance(m._value_, int):
                        continue
                    value = m._value_
                    for bit in _iter_bits_lsb(value):
                        if bit not in enumeration._value2member_map_ or \
                                enumeration._value2member_map_[bit]._name_ not in member_names:
                            missing.append(bit)
                if missing:
                    vals = ", ".join(str(v) for v in sorted(set(missing)))
                    raise ValueError(f"invalid Flag {cls_name!r}: aliases have "
                                     f"undefined values {vals}")
        return enumeration


def global_enum_repr(self):
    """repr() of a member of a global_enum: module.NAME."""
    module = self.__class__.__module__.split(".")[-1]
    return f"{module}.{self._name_}"


def global_flag_repr(self):
    """repr() of a global_enum flag member: module.A|module.B."""
    module = self.__class__.__module__.split(".")[-1]
    cls_name = self.__class__.__name__
    if self._name_ is None:
        return f"{module}.{cls_name}({self._value_!r})"
    return "|".join(f"{module}.{n}" for n in self._name_.split("|"))


def global_str(self):
    """str() of a member of a global_enum: its name."""
    if self._name_ is None:
        return f"{self.__class__.__name__}({self._value_!r})"
    return self._name_


def global_enum(cls, update_str=False):
    """Decorator: export the enum's members to its module's globals, and
    show them as module.NAME."""
    if issubclass(cls, Flag):
        type.__setattr__(cls, "__repr__", global_flag_repr)
    else:
        type.__setattr__(cls, "__repr__", global_enum_repr)
    if not issubclass(cls, ReprEnum) or update_str:
        type.__setattr__(cls, "__str__", global_str)
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def pickle_by_global_name(self, proto):
    return self.name


def pickle_by_enum_name(self, proto):
    return getattr, (self.__class__, self._name_)
