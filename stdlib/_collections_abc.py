"""The collection ABCs (collections.abc), written for weft.

Each "one-trick" ABC (Hashable, Iterable, Sized...) recognises any class
that defines its method, through __subclasshook__; the richer ABCs
(Sequence, Mapping, Set...) supply their mixin methods to subclasses and
know the built-in types by registration.
"""

from abc import ABCMeta, abstractmethod

__all__ = ["Awaitable", "Coroutine",
           "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "Hashable", "Iterable", "Iterator", "Generator", "Reversible",
           "Sized", "Container", "Callable", "Collection",
           "Set", "MutableSet",
           "Mapping", "MutableMapping",
           "MappingView", "KeysView", "ItemsView", "ValuesView",
           "Sequence", "MutableSequence",
           "ByteString"]

# The classes below show as collections.abc.X, where users import them.
__name__ = "collections.abc"

GenericAlias = type(list[int])


def _defines(C, *names):
    """True when every name is defined (and not set to None) somewhere in
    C's MRO; NotImplemented otherwise, leaving the decision to others."""
    namespaces = [vars(k) for k in C.__mro__]
    for name in names:
        for ns in namespaces:
            if name in ns:
                if ns[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


def _hook_for(*names):
    # A __subclasshook__ answering only for the ABC that defines it.
    def __subclasshook__(cls, C):
        if cls.__dict__.get("__subclasshook__") is not hook:
            return NotImplemented
        return _defines(C, *names)
    hook = classmethod(__subclasshook__)
    return hook


def _raise_in(typ, val, tb):
    # throw()/athrow()'s default: raise the exception described.
    if val is None:
        if tb is None:
            raise typ
        val = typ()
    raise val if tb is None else val.with_traceback(tb)


class Hashable(metaclass=ABCMeta):
    """Objects with a __hash__ method."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__hash__")

    @abstractmethod
    def __hash__(self):
        return 0


class Awaitable(metaclass=ABCMeta):
    """Objects usable in an await expression (they define __await__)."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__await__")
    __class_getitem__ = classmethod(GenericAlias)

    @abstractmethod
    def __await__(self):
        yield


class Coroutine(Awaitable):
    """Awaitables with send, throw and close (coroutine objects)."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__await__", "send", "throw", "close")

    @abstractmethod
    def send(self, value):
        """Send a value in; return the next value yielded or raise
        StopIteration."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception inside; return the next value yielded or
        raise StopIteration."""
        _raise_in(typ, val, tb)

    def close(self):
        """Raise GeneratorExit inside."""
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("coroutine ignored GeneratorExit")


class AsyncIterable(metaclass=ABCMeta):
    """Objects usable in async for (they define __aiter__)."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__aiter__")
    __class_getitem__ = classmethod(GenericAlias)

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()


class AsyncIterator(AsyncIterable):
    """Asynchronous iterators: __anext__, and __aiter__ returning self."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__anext__", "__aiter__")

    @abstractmethod
    async def __anext__(self):
        """The next item; StopAsyncIteration at the end."""
        raise StopAsyncIteration

    def __aiter__(self):
        return self


class AsyncGenerator(AsyncIterator):
    """Asynchronous generators: asend, athrow and aclose."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__aiter__", "__anext__", "asend", "athrow", "aclose")

    async def __anext__(self):
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        """Send a value in; the next value yielded, or
        StopAsyncIteration."""
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        """Raise an exception inside; the next value yielded, or
        StopAsyncIteration."""
        _raise_in(typ, val, tb)

    async def aclose(self):
        """Raise GeneratorExit inside."""
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            return
        raise RuntimeError("asynchronous generator ignored GeneratorExit")


class Iterable(metaclass=ABCMeta):
    """Objects with an __iter__ method."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__iter__")
    __class_getitem__ = classmethod(GenericAlias)

    @abstractmethod
    def __iter__(self):
        return iter(())


class Iterator(Iterable):
    """Iterators: __next__, and __iter__ returning self."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__iter__", "__next__")

    @abstractmethod
    def __next__(self):
        """The next item; StopIteration at the end."""
        raise StopIteration

    def __iter__(self):
        return self


class Reversible(Iterable):
    """Iterables that can also be walked backwards (__reversed__)."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__reversed__", "__iter__")

    @abstractmethod
    def __reversed__(self):
        return iter(())


class Generator(Iterator):
    """Generators: iterators with send, throw and close."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__iter__", "__next__", "send", "throw", "close")

    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        """Send a value in; the next value yielded, or StopIteration."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception inside; the next value yielded, or
        StopIteration."""
        _raise_in(typ, val, tb)

    def close(self):
        """Raise GeneratorExit inside."""
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("generator ignored GeneratorExit")


class Sized(metaclass=ABCMeta):
    """Objects with a __len__ method."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__len__")

    @abstractmethod
    def __len__(self):
        return 0


class Container(metaclass=ABCMeta):
    """Objects with a __contains__ method."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__contains__")
    __class_getitem__ = classmethod(GenericAlias)

    @abstractmethod
    def __contains__(self, x):
        return False


class Collection(Sized, Iterable, Container):
    """Sized iterable containers."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__len__", "__iter__", "__contains__")


def _is_param_expr(obj):
    return obj is Ellipsis or type(obj).__name__ in ("ParamSpec", "_ConcatenateGenericAlias")


def _type_repr(obj):
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is Ellipsis:
        return "..."
    if type(obj).__name__ == "function":
        return obj.__name__
    return repr(obj)


class _CallableGenericAlias(GenericAlias):
    """Callable[[args...], result]: the argument list is flattened into
    __args__ and shown as a list again."""

    def __init__(self, origin, args):
        if not (isinstance(args, tuple) and len(args) == 2):
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        t_args, t_result = args
        if isinstance(t_args, (tuple, list)):
            args = (*t_args, t_result)
        elif not _is_param_expr(t_args):
            raise TypeError(f"Expected a list of types, an ellipsis, "
                            f"ParamSpec, or Concatenate. Got {t_args}")
        super().__init__(origin, args)

    def __repr__(self):
        if len(self.__args__) == 2 and _is_param_expr(self.__args__[0]):
            return super().__repr__()
        return (f"collections.abc.Callable"
                f"[[{', '.join([_type_repr(a) for a in self.__args__[:-1]])}], "
                f"{_type_repr(self.__args__[-1])}]")


class Callable(metaclass=ABCMeta):
    """Objects with a __call__ method."""
    __slots__ = ()
    __subclasshook__ = _hook_for("__call__")
    __class_getitem__ = classmethod(_CallableGenericAlias)

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False


# ---- sets ----

class Set(Collection):
    """Read-only sets. Subclasses define __contains__, __iter__ and
    __len__; comparisons and the operators &, |, -, ^ come from here (the
    results are built with _from_iterable, which calls the class)."""
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        """Make a set of this class from an iterable (override it when the
        constructor takes something else)."""
        return cls(it)

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) <= len(other) and all(x in other for x in self)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) >= len(other) and all(x in self for x in other)

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    def isdisjoint(self, other):
        """True if the two sets have no element in common."""
        return not any(x in self for x in other)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(x for x in other if x in self)

    __rand__ = __and__

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable([*self, *other])

    __ror__ = __or__

    def _as_set(self, other):
        # The other operand of -, ^ as a Set (None: not a set operand).
        if isinstance(other, Set):
            return other
        if isinstance(other, Iterable):
            return self._from_iterable(other)
        return None

    def __sub__(self, other):
        other = self._as_set(other)
        if other is None:
            return NotImplemented
        return self._from_iterable(x for x in self if x not in other)

    def __rsub__(self, other):
        other = self._as_set(other)
        if other is None:
            return NotImplemented
        return self._from_iterable(x for x in other if x not in self)

    def __xor__(self, other):
        other = self._as_set(other)
        if other is None:
            return NotImplemented
        return (self - other) | (other - self)

    __rxor__ = __xor__

    def _hash(self):
        """A hash for a set class that wants one: independent of the
        order of the elements."""
        mask = (1 << 64) - 1
        h = (1927868237 * (len(self) + 1)) & mask
        for x in self:
            hx = hash(x)
            h ^= ((hx ^ (hx << 16) ^ 89869747) * 3644798167) & mask
        h ^= (h >> 11) ^ (h >> 25)
        h = (h * 69069 + 907133923) & mask
        if h >= 1 << 63:
            h -= 1 << 64
        return 590923713 if h == -1 else h


class MutableSet(Set):
    """Mutable sets: subclasses add add() and discard(); remove, pop,
    clear and the in-place operators come from here."""
    __slots__ = ()

    @abstractmethod
    def add(self, value):
        """Add an element."""
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        """Remove an element if present."""
        raise NotImplementedError

    def remove(self, value):
        """Remove an element; KeyError if absent."""
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        """Remove and return some element; KeyError if empty."""
        for value in self:
            self.discard(value)
            return value
        raise KeyError

    def clear(self):
        """Remove every element."""
        for value in list(self):
            self.discard(value)

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in self - it:
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
            return self
        for value in self._as_set(it):
            if value in self:
                self.discard(value)
            else:
                self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
            return self
        for value in it:
            self.discard(value)
        return self


# ---- mappings ----

class Mapping(Collection):
    """Read-only mappings. Subclasses define __getitem__, __iter__ and
    __len__; get, __contains__, keys, items, values and == come from here."""
    __slots__ = ()
    __reversed__ = None

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        """self[key] if key is present, else default."""
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        """A set-like view of the keys."""
        return KeysView(self)

    def items(self):
        """A set-like view of the (key, value) pairs."""
        return ItemsView(self)

    def values(self):
        """A view of the values."""
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())


class MappingView(Sized):
    """A view of a mapping (the base of its keys, items and values views)."""
    __slots__ = ("_mapping",)
    __class_getitem__ = classmethod(GenericAlias)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f"{type(self).__name__}({self._mapping!r})"


class KeysView(MappingView, Set):
    """The keys of a mapping, as a set."""
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)


class ItemsView(MappingView, Set):
    """The (key, value) pairs of a mapping, as a set."""
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            found = self._mapping[key]
        except KeyError:
            return False
        return found is value or found == value

    def __iter__(self):
        m = self._mapping
        return ((k, m[k]) for k in m)


class ValuesView(MappingView, Collection):
    """The values of a mapping."""
    __slots__ = ()

    def __contains__(self, value):
        return any(v is value or v == value for v in self)

    def __iter__(self):
        m = self._mapping
        return (m[k] for k in m)


_absent = object()


class MutableMapping(Mapping):
    """Mutable mappings: subclasses add __setitem__ and __delitem__; pop,
    popitem, clear, update and setdefault come from here."""
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_absent):
        """Remove key and return its value (default if absent, or
        KeyError when no default is given)."""
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default is _absent:
            raise KeyError(key)
        return default

    def popitem(self):
        """Remove and return some (key, value) pair; KeyError if empty."""
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError

    def clear(self):
        """Remove every item."""
        for key in list(self):
            del self[key]

    def update(self, other=(), /, **kwds):
        """Set items from a mapping (or anything with keys()), or from an
        iterable of pairs, then from the keyword arguments."""
        if isinstance(other, Mapping) or hasattr(other, "keys"):
            for key in other.keys() if not isinstance(other, Mapping) else other:
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        """self[key], first set to default if key is absent."""
        if key not in self:
            self[key] = default
            return default
        return self[key]


# ---- sequences ----

class Sequence(Reversible, Collection):
    """Read-only sequences. Subclasses define __getitem__ and __len__;
    iteration, in, reversed(), index and count come from here."""
    __slots__ = ()

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        while True:
            try:
                item = self[i]
            except IndexError:
                return
            yield item
            i += 1

    def __contains__(self, value):
        return any(v is value or v == value for v in self)

    def __reversed__(self):
        for i in range(len(self) - 1, -1, -1):
            yield self[i]

    def index(self, value, start=0, stop=None):
        """The first index of value in [start, stop); ValueError if absent."""
        n = len(self)
        if start is not None and start < 0:
            start = max(n + start, 0)
        if stop is not None and stop < 0:
            stop += n
        i = start
        while stop is None or i < stop:
            try:
                item = self[i]
            except IndexError:
                break
            if item is value or item == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        """How many times value occurs."""
        return sum(1 for v in self if v is value or v == value)


class ByteString(Sequence):
    """bytes and bytearray."""
    __slots__ = ()


class MutableSequence(Sequence):
    """Mutable sequences: subclasses add __setitem__, __delitem__ and
    insert; append, extend, pop, remove, reverse, clear and += come from
    here."""
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        """Insert value before index."""
        raise IndexError

    def append(self, value):
        """Add value at the end."""
        self.insert(len(self), value)

    def extend(self, values):
        """Append each value of an iterable."""
        for v in list(values) if values is self else values:
            self.append(v)

    def pop(self, index=-1):
        """Remove and return the item at index (the last by default)."""
        item = self[index]
        del self[index]
        return item

    def remove(self, value):
        """Remove the first occurrence of value; ValueError if absent."""
        del self[self.index(value)]

    def reverse(self):
        """Reverse in place."""
        n = len(self)
        for i in range(n // 2):
            j = n - 1 - i
            self[i], self[j] = self[j], self[i]

    def clear(self):
        """Remove every item."""
        while len(self):
            self.pop()

    def __iadd__(self, values):
        self.extend(values)
        return self


# ---- the built-in types ----

def _register_builtins():
    async def coro():
        pass

    async def agen():
        yield

    def gen():
        yield

    c = coro()
    Coroutine.register(type(c))
    c.close()
    AsyncGenerator.register(type(agen()))
    Generator.register(type(gen()))
    Iterator.register(type(iter(())))
    for t in (type(len), type(coro), type([].append), type):
        Callable.register(t)
    for t in (tuple, str, range, memoryview):
        Sequence.register(t)
    for t in (list, bytearray):
        MutableSequence.register(t)
    for t in (bytes, bytearray):
        ByteString.register(t)
    Set.register(frozenset)
    MutableSet.register(set)
    MutableMapping.register(dict)
    d = {}
    KeysView.register(type(d.keys()))
    ValuesView.register(type(d.values()))
    ItemsView.register(type(d.items()))


_register_builtins()
del _register_builtins
