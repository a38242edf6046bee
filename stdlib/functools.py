"""Higher-order functions and operations on callable objects.

weft note: reduce, partial and the lru_cache wrapper are native
(_functools); the rest is written here in weft.
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

from _functools import reduce, partial, _lru_cache_wrapper
from _weft_types import GenericAlias
from collections import namedtuple

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the attributes named in
    `assigned` (those wrapped has), merge the dicts named in `updated`,
    and set wrapper.__wrapped__ = wrapped. Returns wrapper."""
    for name in assigned:
        try:
            setattr(wrapper, name, getattr(wrapped, name))
        except AttributeError:
            continue
    for name in updated:
        mine = getattr(wrapper, name, None)
        if mine is not None:
            mine.update(getattr(wrapped, name, {}))
    # Last, so a __wrapped__ copied over from wrapped's __dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper: @wraps(f) on a wrapper function."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# ---- total_ordering ----
#
# Each missing comparison is derived from the one the class defines: with
# `r` the result of the defined operation (NotImplemented passes through),
#   from <:  a > b  is  not r and a != b;  a <= b  is  r or a == b;   a >= b  is  not r
#   from <=: a >= b is  not r or a == b;   a < b   is  r and a != b;  a > b   is  not r
#   from >:  a < b  is  not r and a != b;  a >= b  is  r or a == b;   a <= b  is  not r
#   from >=: a <= b is  not r or a == b;   a > b   is  r and a != b;  a < b   is  not r

def _derived(root, name, rule):
    def compare(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        if rule == "not":
            return not r
        if rule == "not-and-ne":
            return not r and self != other
        if rule == "or-eq":
            return r or self == other
        if rule == "not-or-eq":
            return not r or self == other
        return r and self != other  # "and-ne"
    compare.__name__ = name
    return compare


_derivations = {
    "__lt__": (("__gt__", "not-and-ne"), ("__le__", "or-eq"), ("__ge__", "not")),
    "__le__": (("__ge__", "not-or-eq"), ("__lt__", "and-ne"), ("__gt__", "not")),
    "__gt__": (("__lt__", "not-and-ne"), ("__ge__", "or-eq"), ("__le__", "not")),
    "__ge__": (("__le__", "not-or-eq"), ("__gt__", "and-ne"), ("__lt__", "not")),
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    defined = [op for op in ("__lt__", "__le__", "__gt__", "__ge__")
               if getattr(cls, op, None) is not getattr(object, op, None)]
    if not defined:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = defined[0]
    for name, rule in _derivations[root]:
        if name not in defined:
            method = _derived(root, name, rule)
            method.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, method)
    return cls


# ---- cmp_to_key ----

def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function"""
    class K(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


# ---- partialmethod ----

class partialmethod:
    """A method with some arguments already given: partial application
    that binds like the method (or classmethod, staticmethod) it wraps."""

    def __init__(self, func, /, *args, **keywords):
        if isinstance(func, partialmethod):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        elif not (callable(func) or hasattr(func, "__get__")
                  or isinstance(func, (classmethod, staticmethod))):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func), ", ".join(map(repr, self.args)),
                 ", ".join(f"{k}={v!r}" for k, v in self.keywords.items())]
        cls = type(self)
        return f"{cls.__module__}.{cls.__qualname__}({', '.join(parts)})"

    def _unbound(self):
        # Called through the class: the receiver comes first.
        def method(receiver, /, *args, **keywords):
            return self.func(receiver, *self.args, *args, **{**self.keywords, **keywords})
        method.__isabstractmethod__ = self.__isabstractmethod__
        method._partialmethod = self
        return method

    def __get__(self, obj, cls=None):
        func = self.func
        if isinstance(func, staticmethod):
            return partial(func.__func__, *self.args, **self.keywords)
        if isinstance(func, classmethod):
            owner = cls if cls is not None else type(obj)
            return partial(func.__func__, owner, *self.args, **self.keywords)
        if obj is None:
            return self._unbound()
        if isinstance(func, type(_identity)):
            return partial(func, obj, *self.args, **self.keywords)
        getter = getattr(type(func), "__get__", None)
        if getter is not None:
            bound = getter(func, obj, cls)
            result = partial(bound, *self.args, **self.keywords)
            try:
                result.__self__ = bound.__self__
            except AttributeError:
                pass
            return result
        return partial(self._unbound(), obj)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)

    __class_getitem__ = classmethod(GenericAlias)


def _identity(x):
    return x


# ---- lru_cache ----

_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


def _cached(user_function, maxsize, typed):
    wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
    params = {"maxsize": maxsize, "typed": typed}
    wrapper.cache_parameters = lambda: dict(params)
    return update_wrapper(wrapper, user_function)


def lru_cache(maxsize=128, typed=False):
    """Decorator caching a function's results by its arguments, keeping
    the maxsize most recently used (all of them when maxsize is None);
    typed=True caches arguments of different types apart (3 and 3.0).

    The wrapper has cache_info(), cache_clear() and cache_parameters(),
    and __wrapped__ for the original function. Arguments must be hashable.
    """
    if callable(maxsize) and isinstance(typed, bool):
        # @lru_cache without parentheses.
        return _cached(maxsize, 128, typed)
    if isinstance(maxsize, int):
        maxsize = max(maxsize, 0)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")
    return lambda user_function: _cached(user_function, maxsize, typed)


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# ---- singledispatch ----

def _best_match(cls, registry):
    # The implementation for the nearest class of cls's MRO, else for the
    # most specific registered class cls is a (virtual) subclass of.
    for klass in cls.__mro__:
        if klass in registry:
            return registry[klass]
    best = None
    for klass in registry:
        if klass is object or not isinstance(klass, type):
            continue
        try:
            if not issubclass(cls, klass):
                continue
        except TypeError:
            continue
        if best is None or issubclass(klass, best):
            best = klass
        elif not issubclass(best, klass):
            raise RuntimeError(f"Ambiguous dispatch: {best} or {klass}")
    return registry[best] if best is not None else registry.get(object)


def _union_members(cls):
    # The classes of a union (X | Y or typing.Union[X, Y]), or None.
    if type(cls).__name__ == "UnionType" or \
            repr(getattr(cls, "__origin__", None)) == "typing.Union":
        return cls.__args__
    return None


def singledispatch(func):
    """Make func a generic function dispatching on the class of its first
    argument: implementations are added with func.register(cls) (or
    @func.register on a function whose first parameter is annotated), and
    func itself serves every class without one."""
    import types

    registry = {object: func}
    memo = {}

    def dispatch(cls):
        """The implementation the generic function uses for cls."""
        if cls not in memo:
            memo[cls] = _best_match(cls, registry)
        return memo[cls]

    def valid(cls):
        if isinstance(cls, type):
            return True
        members = _union_members(cls)
        return members is not None and all(isinstance(m, type) for m in members)

    def register(cls, func=None):
        """Register func for cls (a class or a union of classes); used as a
        decorator without func, or with the class taken from the first
        parameter's annotation."""
        if valid(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f"Invalid first argument to `register()`. "
                                f"{cls!r} is not a class or union type.")
            if not getattr(cls, "__annotations__", None):
                raise TypeError(f"Invalid first argument to `register()`: {cls!r}. "
                                "Use either `@register(some_class)` or plain "
                                "`@register` on an annotated function.")
            func = cls
            from typing import get_type_hints
            argname, cls = next(iter(get_type_hints(func).items()))
            if not valid(cls):
                what = "not all arguments are classes" if _union_members(cls) \
                    else "is not a class"
                raise TypeError(f"Invalid annotation for {argname!r}. {cls!r} {what}.")
        for klass in _union_members(cls) or (cls,):
            registry[klass] = func
        memo.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f"{name} requires at least 1 positional argument")
        return dispatch(args[0].__class__)(*args, **kw)

    name = getattr(func, "__name__", "singledispatch function")
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = types.MappingProxyType(registry)
    wrapper._clear_cache = memo.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatch on the class of the first
    argument after self (or cls)."""

    def __init__(self, func):
        if not (callable(func) or hasattr(func, "__get__")
                or isinstance(func, (classmethod, staticmethod))):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """Register an implementation for cls (see singledispatch)."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def method(*args, **kwargs):
            impl = self.dispatcher.dispatch(args[0].__class__)
            if isinstance(impl, staticmethod):
                return impl.__func__(*args, **kwargs)
            if isinstance(impl, classmethod):
                owner = cls if cls is not None else type(obj)
                return impl.__func__(owner, *args, **kwargs)
            if obj is None:
                return impl(*args, **kwargs)
            return impl(obj, *args, **kwargs)

        method.__isabstractmethod__ = self.__isabstractmethod__
        method.register = self.register
        update_wrapper(method, self.func)
        return method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


# ---- cached_property ----

class cached_property:
    """A property computed once per instance, then kept in the instance's
    __dict__ (where later reads find it first)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif self.attrname != name:
            raise TypeError("Cannot assign the same cached_property to two different "
                            f"names ({self.attrname!r} and {name!r}).")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            store = instance.__dict__
        except AttributeError:
            raise TypeError(f"No '__dict__' attribute on {type(instance).__name__!r} "
                            f"instance to cache {name!r} property.") from None
        if name in store:
            return store[name]
        value = self.func(instance)
        try:
            store[name] = value
        except TypeError:
            raise TypeError(f"The '__dict__' attribute on {type(instance).__name__!r} "
                            "instance does not support item assignment for caching "
                            f"{name!r} property.") from None
        return value

    __class_getitem__ = classmethod(GenericAlias)


def get_cache_token():
    """Returns the current ABC cache token."""
    from abc import get_cache_token
    return get_cache_token()
