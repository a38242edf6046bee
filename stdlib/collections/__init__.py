"""Container datatypes: namedtuple, deque, ChainMap, Counter, OrderedDict,
defaultdict, UserDict, UserList and UserString.

weft note: deque and Counter's counting loop are native (_collections);
the rest is written here in weft.
"""

__all__ = ["ChainMap", "Counter", "OrderedDict", "UserDict", "UserList",
           "UserString", "defaultdict", "deque", "namedtuple"]

import sys as _sys
import _collections_abc
from keyword import iskeyword as _iskeyword
from operator import itemgetter as _itemgetter
from _collections import deque, _count_elements
from _weft_types import GenericAlias as _GenericAlias

_collections_abc.MutableSequence.register(deque)


# ---------------------------------------------------------------- namedtuple

_field_getters = {}


def _field_names(field_names):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    return [str(n) for n in field_names]


def _check_names(typename, names, rename):
    if rename:
        seen = set()
        for i, n in enumerate(names):
            bad = not n.isidentifier() or _iskeyword(n) or n.startswith("_") or n in seen
            seen.add(n)
            if bad:
                names[i] = f"_{i}"
    for n in [typename] + names:
        if type(n) is not str:
            raise TypeError("Type names and field names must be strings")
        if not n.isidentifier():
            raise ValueError(f"Type names and field names must be valid identifiers: {n!r}")
        if _iskeyword(n):
            raise ValueError(f"Type names and field names cannot be a keyword: {n!r}")
    seen = set()
    for n in names:
        if n.startswith("_") and not rename:
            raise ValueError(f"Field names cannot start with an underscore: {n!r}")
        if n in seen:
            raise ValueError(f"Encountered duplicate field name: {n!r}")
        seen.add(n)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A new tuple subclass named `typename` whose items are also
    attributes named by `field_names` (a sequence, or one string of names
    separated by spaces or commas)."""
    names = _field_names(field_names)
    typename = str(typename)
    _check_names(typename, names, rename)
    fields = tuple(names)
    n = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > n:
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(fields[n - len(defaults):], defaults))

    # __new__ is compiled from source so that its parameters carry the
    # field names (calls by keyword, and CPython's error messages).
    params = ", ".join(fields)
    items = params + ("," if n == 1 else "")
    ns = {"_new": tuple.__new__}
    exec(f"def __new__(_cls, {params}):\n    return _new(_cls, ({items}))\n", ns)
    new = ns["__new__"]
    new.__doc__ = f"Create new instance of {typename}({params})"
    if defaults is not None:
        new.__defaults__ = defaults

    def _make(cls, iterable):
        made = tuple.__new__(cls, iterable)
        if len(made) != n:
            raise TypeError(f"Expected {n} arguments, got {len(made)}")
        return made

    def _replace(self, /, **changes):
        values = [changes.pop(f, v) for f, v in zip(fields, self)]
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return self._make(values)

    shown = "(" + ", ".join(f + "=%r" for f in fields) + ")"

    def __repr__(self):
        return type(self).__name__ + shown % tuple(self)

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    _make.__doc__ = f"Make a new {typename} object from a sequence or iterable"
    _replace.__doc__ = f"Return a new {typename} object replacing specified fields with new values"
    __repr__.__doc__ = "Return a nicely formatted representation string"
    _asdict.__doc__ = "Return a new dict which maps field names to their values."
    __getnewargs__.__doc__ = "Return self as a plain tuple.  Used by copy and pickle."
    for f in (new, _make, _replace, __repr__, _asdict, __getnewargs__):
        f.__qualname__ = f"{typename}.{f.__name__}"

    body = {
        "__doc__": f"{typename}({params})",
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": new,
        "_make": classmethod(_make),
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for i, f in enumerate(fields):
        getter = _field_getters.get(i)
        if getter is None:
            getter = _field_getters[i] = _itemgetter(i)
        body[f] = property(getter, doc=f"Alias for field number {i}")
    cls = type(typename, (tuple,), body)
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            module = None
    if module is not None:
        cls.__module__ = module
    return cls


# ---------------------------------------------------------------- OrderedDict

class _ODictView:
    # A dict view shown under OrderedDict's names (odict_keys([...])).
    __slots__ = ("_view",)

    def __init__(self, view):
        self._view = view

    def __len__(self):
        return len(self._view)

    def __iter__(self):
        return iter(self._view)

    def __reversed__(self):
        return reversed(self._view)

    def __contains__(self, x):
        return x in self._view

    def __eq__(self, other):
        return self._view == (other._view if isinstance(other, _ODictView) else other)

    def __and__(self, other):
        return self._view & other

    def __or__(self, other):
        return self._view | other

    def __sub__(self, other):
        return self._view - other

    def __xor__(self, other):
        return self._view ^ other

    def isdisjoint(self, other):
        return self._view.isdisjoint(other)

    def __repr__(self):
        return f"{type(self).__name__}({list(self._view)!r})"


class odict_keys(_ODictView):
    __slots__ = ()


class odict_values(_ODictView):
    __slots__ = ()


class odict_items(_ODictView):
    __slots__ = ()


_collections_abc.KeysView.register(odict_keys)
_collections_abc.ValuesView.register(odict_values)
_collections_abc.ItemsView.register(odict_items)
_unset = object()


class OrderedDict(dict):
    """A dict that also moves keys to either end (move_to_end), pops from
    either end (popitem(last=)) and compares order-sensitively with
    another OrderedDict."""

    def popitem(self, last=True):
        """Remove and return the last (key, value) pair, or the first
        when last is false."""
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(self) if last else iter(self))
        return key, dict.pop(self, key)

    def move_to_end(self, key, last=True):
        """Move an existing key to the end (the beginning when last is
        false); KeyError if it is absent."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        dict.update(self, rest)

    def keys(self):
        return odict_keys(dict.keys(self))

    def values(self):
        return odict_values(dict.values(self))

    def items(self):
        return odict_items(dict.items(self))

    def pop(self, key, default=_unset):
        if default is _unset:
            return dict.pop(self, key)
        return dict.pop(self, key, default)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
            return default
        return self[key]

    def copy(self):
        return type(self)(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return f"{name}()"
        return f"{name}({list(dict.items(self))!r})"

    def __reduce__(self):
        return type(self), (), getattr(self, "__dict__", None) or None, None, \
            iter(dict.items(self))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and all(a == b for a, b in zip(self, other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        same = self.__eq__(other)
        return same if same is NotImplemented else not same

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    __class_getitem__ = classmethod(_GenericAlias)


# ---------------------------------------------------------------- Counter

def _positive(pairs):
    # A Counter of the pairs whose count is above zero.
    out = Counter()
    for elem, count in pairs:
        if count > 0:
            out[elem] = count
    return out


class Counter(dict):
    """A dict counting hashable items: Counter("abca")["a"] == 2, a
    missing item counts 0, and counters add, subtract, intersect (&) and
    unite (|) as multisets."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        """The sum of the counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """The n most common (element, count) pairs, most common first (all
        of them when n is None); ties keep first-seen order."""
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)
        import heapq
        return heapq.nlargest(n, self.items(), key=_itemgetter(1))

    def elements(self):
        """Each element repeated as many times as its count (counts below
        one give nothing)."""
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        """Add counts: from a mapping of counts, or one per element of an
        iterable, then from the keyword arguments."""
        if iterable is not None:
            if isinstance(iterable, _collections_abc.Mapping):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = self.get(elem, 0) + count
                else:
                    dict.update(self, iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts (they may go to zero or below)."""
        if iterable is not None:
            if isinstance(iterable, _collections_abc.Mapping):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    def __reduce__(self):
        return type(self), (dict(self),)

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return f"{name}()"
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)
        return f"{name}({shown!r})"

    def _all_keys(self, other):
        return list(self) + [e for e in other if e not in self]

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for e in self._all_keys(other))

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for e in self._all_keys(other))

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for e in self._all_keys(other))

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # Multiset arithmetic: results keep positive counts only, ordered by
    # first appearance in the left operand, then in the right one.

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return _positive((e, self[e] + other[e]) for e in self._all_keys(other))

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return _positive((e, self[e] - other[e]) for e in self._all_keys(other))

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return _positive((e, max(self[e], other[e])) for e in self._all_keys(other))

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return _positive((e, min(self[e], other[e])) for e in self)

    def __pos__(self):
        return _positive(self.items())

    def __neg__(self):
        return _positive((e, -c) for e, c in self.items())

    def _drop_nonpositive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._drop_nonpositive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._drop_nonpositive()

    def __ior__(self, other):
        for elem, count in other.items():
            if count > self[elem]:
                self[elem] = count
        return self._drop_nonpositive()

    def __iand__(self, other):
        for elem, count in list(self.items()):
            if other[elem] < count:
                self[elem] = other[elem]
        return self._drop_nonpositive()


# ---------------------------------------------------------------- defaultdict

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

A dict whose missing keys are filled, on self[key], with default_factory()
(KeyError when the factory is None). The other arguments are dict's."""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self[key] = self.default_factory()
        return value

    def __repr__(self):
        f = self.default_factory
        shown = "..." if f is self else repr(f)
        return f"{type(self).__name__}({shown}, {dict.__repr__(self)})"

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        f = self.default_factory
        return type(self), (() if f is None else (f,)), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    __class_getitem__ = classmethod(_GenericAlias)


# ---------------------------------------------------------------- ChainMap

class ChainMap(_collections_abc.MutableMapping):
    """Several mappings seen as one: lookups search self.maps in order;
    writes, updates and deletions go to the first mapping only."""

    def __init__(self, *maps):
        self.maps = list(maps) if maps else [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for m in self.maps:
            try:
                return m[key]
            except KeyError:
                continue
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        # First-seen order counted from the last mapping, as CPython's.
        seen = {}
        for m in self.maps[::-1]:
            for key in m:
                seen[key] = None
        return iter(seen)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return f"{type(self).__name__}({', '.join(repr(m) for m in self.maps)})"

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """A ChainMap with m (a new dict by default, updated with kwargs)
        in front of these maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        """A ChainMap of every map but the first."""
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def clear(self):
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        new = self.copy()
        new.maps[0].update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        merged = dict(other)
        for m in self.maps[::-1]:
            merged.update(m)
        return type(self)(merged)


# ---------------------------------------------------------------- UserDict

class UserDict(_collections_abc.MutableMapping):
    """A mapping kept in self.data (a dict), for subclassing."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        missing = getattr(type(self), "__missing__", None)
        if missing is not None:
            return missing(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __repr__(self):
        return repr(self.data)

    def _other_data(self, other):
        if isinstance(other, UserDict):
            return other.data
        if isinstance(other, dict):
            return other
        return None

    def __or__(self, other):
        data = self._other_data(other)
        return NotImplemented if data is None else type(self)(self.data | data)

    def __ror__(self, other):
        data = self._other_data(other)
        return NotImplemented if data is None else type(self)(data | self.data)

    def __ior__(self, other):
        data = self._other_data(other)
        self.data |= other if data is None else data
        return self

    def __copy__(self):
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        new.__dict__["data"] = self.data.copy()
        return new

    def copy(self):
        if type(self) is UserDict:
            return UserDict(self.data.copy())
        import copy
        return copy.copy(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new


# ---------------------------------------------------------------- UserList

class UserList(_collections_abc.MutableSequence):
    """A list kept in self.data, for subclassing."""

    def __init__(self, initlist=None):
        if initlist is None:
            self.data = []
        elif isinstance(initlist, UserList):
            self.data = initlist.data[:]
        else:
            self.data = list(initlist)

    def _unwrap(self, other):
        return other.data if isinstance(other, UserList) else other

    def __repr__(self):
        return repr(self.data)

    def __lt__(self, other):
        return self.data < self._unwrap(other)

    def __le__(self, other):
        return self.data <= self._unwrap(other)

    def __eq__(self, other):
        return self.data == self._unwrap(other)

    def __gt__(self, other):
        return self.data > self._unwrap(other)

    def __ge__(self, other):
        return self.data >= self._unwrap(other)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        item = self.data[i]
        return type(self)(item) if isinstance(i, slice) else item

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        other = self._unwrap(other)
        return type(self)(self.data + (other if isinstance(other, list) else list(other)))

    def __radd__(self, other):
        other = self._unwrap(other)
        return type(self)((other if isinstance(other, list) else list(other)) + self.data)

    def __iadd__(self, other):
        self.data += self._unwrap(other) if isinstance(other, (list, UserList)) \
            else list(other)
        return self

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        new.__dict__["data"] = self.data[:]
        return new

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        self.data.extend(self._unwrap(other))


# ---------------------------------------------------------------- UserString

class UserString(_collections_abc.Sequence):
    """A str kept in self.data, for subclassing: str's methods answer
    through self.data, wrapping str results in the subclass."""

    def __init__(self, seq):
        if isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = seq if isinstance(seq, str) else str(seq)

    def _unwrap(self, other):
        return other.data if isinstance(other, UserString) else other

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, other):
        return self.data == self._unwrap(other)

    def __lt__(self, other):
        return self.data < self._unwrap(other)

    def __le__(self, other):
        return self.data <= self._unwrap(other)

    def __gt__(self, other):
        return self.data > self._unwrap(other)

    def __ge__(self, other):
        return self.data >= self._unwrap(other)

    def __contains__(self, char):
        return self._unwrap(char) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return type(self)(self.data[index])

    def __add__(self, other):
        other = self._unwrap(other)
        return type(self)(self.data + (other if isinstance(other, str) else str(other)))

    def __radd__(self, other):
        return type(self)((other if isinstance(other, str) else str(other)) + self.data)

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return type(self)(self.data % args)

    def __rmod__(self, template):
        return type(self)(str(template) % self)

    def encode(self, encoding="utf-8", errors="strict"):
        return self.data.encode("utf-8" if encoding is None else encoding,
                                "strict" if errors is None else errors)

    maketrans = str.maketrans


def _user_string_methods():
    # str's methods on UserString: the arguments unwrapped, a str result
    # wrapped in the subclass for the methods that make new strings.
    wrapping = ("capitalize casefold center expandtabs ljust lower lstrip "
                "removeprefix removesuffix replace rjust rstrip strip swapcase "
                "title translate upper zfill").split()
    plain = ("count endswith find format format_map index isalpha isalnum "
             "isascii isdecimal isdigit isidentifier islower isnumeric "
             "isprintable isspace istitle isupper join partition rfind rindex "
             "rpartition rsplit split splitlines startswith").split()

    def make(name, wrap):
        method = getattr(str, name)

        def forward(self, *args, **kwargs):
            args = [a.data if isinstance(a, UserString) else a for a in args]
            result = method(self.data, *args, **kwargs)
            return type(self)(result) if wrap else result
        forward.__name__ = name
        forward.__qualname__ = "UserString." + name
        return forward

    for name in wrapping:
        setattr(UserString, name, make(name, True))
    for name in plain:
        setattr(UserString, name, make(name, False))


_user_string_methods()
del _user_string_methods
