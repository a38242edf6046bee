"""Shallow and deep copy operations.

copy(x) makes a new object of x's type holding the same values; deepcopy(x)
copies those values too, recursively, keeping shared and recursive
structure (memo maps id() of what was copied to its copy). A class may
take over with __copy__() / __deepcopy__(memo), with __reduce_ex__ /
__reduce__, or with __getstate__ / __setstate__ and __getnewargs__.

weft note: written for weft; without pickle, an object that defines none
of these is rebuilt as an empty object of its class (cls.__new__(cls))
given the same attributes.
"""

import types

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

# Values that are their own copy.
_ATOMIC = {type(None), type(...), type(NotImplemented), int, float, bool, complex,
           str, bytes, type, range, types.FunctionType, types.BuiltinFunctionType,
           types.CodeType, property, types.MethodType, slice}
_BUILTIN_CONTAINERS = (list, dict, set, bytearray)


def _user_method(cls, name):
    # A method cls (or a base other than object and the built-in types)
    # defines; None for the defaults.
    for klass in cls.__mro__:
        if klass is object or klass in _BUILTIN_CONTAINERS or klass in (tuple, frozenset):
            return None
        if name in vars(klass):
            return vars(klass)[name]
    return None


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _ATOMIC or cls in (tuple, frozenset) or issubclass(cls, type):
        return x
    if cls in _BUILTIN_CONTAINERS:
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _rebuild(x, False, None)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        return x
    if memo is None:
        memo = {}
    key = id(x)
    done = memo.get(key, _nil)
    if done is not _nil:
        return done
    if cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple that contains itself was copied while copying its items.
        if key in memo:
            return memo[key]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls in (set, frozenset):
        y = cls(deepcopy(item, memo) for item in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        else:
            y = _rebuild(x, True, memo)
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The originals stay referenced from the memo while it is in use, so
    # their ids are not reused by new objects meanwhile.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _rebuild(x, deep, memo):
    cls = type(x)
    reducer = _user_method(cls, "__reduce_ex__")
    if reducer is not None:
        return _from_reduce(x, reducer(x, 4), deep, memo)
    reducer = _user_method(cls, "__reduce__")
    if reducer is not None:
        return _from_reduce(x, reducer(x), deep, memo)
    copy_item = (lambda v: deepcopy(v, memo)) if deep else (lambda v: v)
    newargs = getattr(x, "__getnewargs__", None)
    if newargs is not None:
        y = cls.__new__(cls, *[copy_item(a) for a in newargs()])
    elif isinstance(x, (tuple, frozenset, str, bytes, int, float, complex)):
        base = next(b for b in cls.__mro__ if b in (tuple, frozenset, str, bytes, int, float,
                                                     complex))
        value = base(x)
        y = cls.__new__(cls, copy_item(value) if base in (tuple, frozenset) else value)
    else:
        y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    # The contents of a list, dict or set subclass.
    if isinstance(x, list):
        y.extend(copy_item(v) for v in x)
    elif isinstance(x, dict):
        for k, v in x.items():
            dict.__setitem__(y, copy_item(k), copy_item(v))
    elif isinstance(x, set):
        y.update(copy_item(v) for v in x)
    getstate = _user_method(cls, "__getstate__")
    if getstate is not None:
        state = getstate(x)
    else:
        state = _default_state(x)
    if state is None:
        return y
    if deep:
        state = deepcopy(state, memo)
    setstate = getattr(y, "__setstate__", None)
    if setstate is not None and _user_method(cls, "__setstate__") is not None:
        setstate(state)
    else:
        _set_state(y, state)
    return y


def _default_state(x):
    # (the instance dict, the __slots__ values) as object.__getstate__
    # gives them; None when there is neither.
    d = getattr(x, "__dict__", None)
    slots = {}
    for klass in type(x).__mro__:
        names = vars(klass).get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = f"_{klass.__name__.lstrip('_')}{name}"
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    if slots:
        return (dict(d) if d else None, slots)
    return dict(d) if d else None


def _set_state(y, state):
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state:
        y.__dict__.update(state)
    if slots:
        for name, value in slots.items():
            object.__setattr__(y, name, value)


def _from_reduce(x, rv, deep, memo):
    if isinstance(rv, str):
        return x
    if not isinstance(rv, tuple) or not 2 <= len(rv) <= 6:
        raise Error(f"un(deep)copyable object of type {type(x)}")
    func, args = rv[0], rv[1]
    state = rv[2] if len(rv) > 2 else None
    listiter = rv[3] if len(rv) > 3 else None
    dictiter = rv[4] if len(rv) > 4 else None
    if deep:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, "__setstate__", None)
        if setstate is not None and _user_method(type(y), "__setstate__") is not None:
            setstate(state)
        else:
            _set_state(y, state)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for k, v in dictiter:
            if deep:
                k, v = deepcopy(k, memo), deepcopy(v, memo)
            y[k] = v
    return y
