"""Weak references, as CPython 3.11's weakref module documents them: ref,
proxy, WeakMethod, WeakValueDictionary, WeakKeyDictionary, WeakSet,
finalize, getweakrefcount and getweakrefs.

When objects die in weft: weft frees memory with a tracing collector, not
reference counts. In CPython `del x` of the last reference frees the
object at once, clears its weak references and runs their callbacks;
in weft that happens at the next collection, which runs on its own as
the program allocates, or at once with gc.collect(). A program that needs
the CPython timing calls gc.collect() where the object should die.
Callbacks of a collection that ran by itself are called soon after it,
at a point where the running code may be interrupted (as a signal
handler is).

Written for weft; ref is native (_weakref), the rest is here.
"""

import sys
from _weakref import ref, getweakrefcount, getweakrefs, ReferenceType
from _collections_abc import MutableMapping, MutableSet

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


def _target(p):
    o = object.__getattribute__(p, '_weft_ref')()
    if o is None:
        raise ReferenceError('weakly-referenced object no longer exists')
    return o


class ProxyType:
    """A proxy forwarding every operation to its referent."""

    __slots__ = ('_weft_ref',)

    def __init__(self, obj, callback=None):
        if callback is not None:
            me = self

            def cb(_r):
                callback(me)
            r = ref(obj, cb)
        else:
            r = ref(obj)
        object.__setattr__(self, '_weft_ref', r)

    def __getattribute__(self, name):
        return getattr(_target(self), name)

    def __setattr__(self, name, value):
        setattr(_target(self), name, value)

    def __delattr__(self, name):
        delattr(_target(self), name)

    def __repr__(self):
        r = object.__getattribute__(self, '_weft_ref')
        o = r()
        kind = type(self).__name__
        if o is None:
            return '<%s at %#x; dead>' % (kind, id(self))
        return '<%s at %#x; to %r at %#x>' % (kind, id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(_target(self))

    def __bool__(self):
        return bool(_target(self))

    def __bytes__(self):
        return bytes(_target(self))

    __hash__ = None


def _forward(name):
    def method(self, *args):
        return getattr(_target(self), name)(*args)
    method.__name__ = name
    return method


def _forward_op(name, op):
    def method(self, *args):
        args = [_target(a) if isinstance(a, ProxyType) else a for a in args]
        return op(_target(self), *args)
    method.__name__ = name
    return method


def _install_ops():
    import operator
    binary = ['add', 'sub', 'mul', 'matmul', 'truediv', 'floordiv', 'mod',
              'pow', 'lshift', 'rshift', 'and', 'or', 'xor']
    for n in binary:
        setattr(ProxyType, '__%s__' % n, _forward_op('__%s__' % n, getattr(operator, '__%s__' % n)))
        rop = getattr(operator, '__%s__' % n)
        setattr(ProxyType, '__r%s__' % n,
                _forward_op('__r%s__' % n, (lambda op: lambda a, b: op(b, a))(rop)))
        setattr(ProxyType, '__i%s__' % n, _forward_op('__i%s__' % n, getattr(operator, '__i%s__' % n)))
    for n in ['lt', 'le', 'eq', 'ne', 'gt', 'ge']:
        setattr(ProxyType, '__%s__' % n, _forward_op('__%s__' % n, getattr(operator, n)))
    for n in ['neg', 'pos', 'abs', 'invert', 'index']:
        setattr(ProxyType, '__%s__' % n, _forward_op('__%s__' % n, getattr(operator, n)))
    setattr(ProxyType, '__divmod__', _forward_op('__divmod__', divmod))
    setattr(ProxyType, '__rdivmod__', _forward_op('__rdivmod__', lambda a, b: divmod(b, a)))
    setattr(ProxyType, '__int__', _forward_op('__int__', int))
    setattr(ProxyType, '__float__', _forward_op('__float__', float))
    setattr(ProxyType, '__len__', _forward_op('__len__', len))
    setattr(ProxyType, '__iter__', _forward_op('__iter__', iter))
    setattr(ProxyType, '__next__', _forward_op('__next__', next))
    setattr(ProxyType, '__reversed__', _forward_op('__reversed__', reversed))
    setattr(ProxyType, '__contains__', _forward_op('__contains__', lambda a, b: b in a))
    setattr(ProxyType, '__getitem__', _forward_op('__getitem__', operator.getitem))
    setattr(ProxyType, '__setitem__', _forward_op('__setitem__', operator.setitem))
    setattr(ProxyType, '__delitem__', _forward_op('__delitem__', operator.delitem))


_install_ops()


class CallableProxyType(ProxyType):
    """A proxy to a callable object."""

    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return _target(self)(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)


def proxy(object, callback=None, /):
    """A proxy to object that uses a weak reference."""
    if not _weakref_ok(object):
        raise TypeError("cannot create weak reference to %r object"
                        % type(object).__name__)
    if callable(object):
        return CallableProxyType(object, callback)
    return ProxyType(object, callback)


def _weakref_ok(o):
    from _weakref import _weakrefable
    return _weakrefable(o)


class WeakMethod(ref):
    """A weak reference to a bound method that dies with the method's
    object or function (a plain ref to a bound method dies at once)."""

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def _cb(arg):
            self = self_wr()
            if self is not None and self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)
        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self

    def __init__(self, meth, callback=None):
        pass

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A ref with a key (WeakValueDictionary's values)."""

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class _IterationGuard:
    # Removals of dead entries wait until no iteration is running.
    def __init__(self, container):
        self.container = container

    def __enter__(self):
        self.container._iterating += 1
        return self

    def __exit__(self, *exc):
        c = self.container
        c._iterating -= 1
        if not c._iterating and c._pending:
            c._commit_removals()


class WeakValueDictionary(MutableMapping):
    """Mapping class that references values weakly: an entry goes when
    nothing else references its value."""

    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending.append(wr.key)
                else:
                    d = self.data
                    if d.get(wr.key) is wr:
                        del d[wr.key]
        self._remove = remove
        self._pending = []
        self._iterating = 0
        self.data = {}
        self.update(other, **kw)

    def _commit_removals(self):
        pending = self._pending
        d = self.data
        while pending:
            key = pending.pop()
            r = d.get(key)
            if r is not None and r() is None:
                del d[key]

    def __getitem__(self, key):
        if self._pending:
            self._commit_removals()
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        if self._pending:
            self._commit_removals()
        del self.data[key]

    def __len__(self):
        if self._pending:
            self._commit_removals()
        return len(self.data)

    def __contains__(self, key):
        if self._pending:
            self._commit_removals()
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        if self._pending:
            self._commit_removals()
        self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        if self._pending:
            self._commit_removals()
        new = WeakValueDictionary()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[key] = o
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        if self._pending:
            self._commit_removals()
        new = self.__class__()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[deepcopy(key, memo)] = o
        return new

    def get(self, key, default=None):
        if self._pending:
            self._commit_removals()
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        if self._pending:
            self._commit_removals()
        with _IterationGuard(self):
            for k, wr in list(self.data.items()):
                v = wr()
                if v is not None:
                    yield k, v

    def keys(self):
        if self._pending:
            self._commit_removals()
        with _IterationGuard(self):
            for k, wr in list(self.data.items()):
                if wr() is not None:
                    yield k

    __iter__ = keys

    def itervaluerefs(self):
        if self._pending:
            self._commit_removals()
        with _IterationGuard(self):
            yield from list(self.data.values())

    def values(self):
        if self._pending:
            self._commit_removals()
        with _IterationGuard(self):
            for wr in list(self.data.values()):
                o = wr()
                if o is not None:
                    yield o

    def popitem(self):
        if self._pending:
            self._commit_removals()
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        if self._pending:
            self._commit_removals()
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            if self._pending:
                self._commit_removals()
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if self._pending:
            self._commit_removals()
        d = self.data
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                d[key] = KeyedRef(o, self._remove, key)
        for key, o in kwargs.items():
            d[key] = KeyedRef(o, self._remove, key)

    def valuerefs(self):
        if self._pending:
            self._commit_removals()
        return list(self.data.values())

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if isinstance(other, (dict, MutableMapping)):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (dict, MutableMapping)):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented


class WeakKeyDictionary(MutableMapping):
    """Mapping class that references keys weakly: an entry goes when
    nothing else references its key."""

    def __init__(self, dict=None):
        self.data = {}

        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending.append(k)
                else:
                    try:
                        del self.data[k]
                    except KeyError:
                        pass
        self._remove = remove
        self._pending = []
        self._iterating = 0
        if dict is not None:
            self.update(dict)

    def _commit_removals(self):
        pending = self._pending
        d = self.data
        while pending:
            try:
                del d[pending.pop()]
            except KeyError:
                pass

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        if self._pending:
            self._commit_removals()
        return len(self.data)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        with _IterationGuard(self):
            for key, value in self.data.items():
                o = key()
                if o is not None:
                    new[o] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        with _IterationGuard(self):
            for key, value in self.data.items():
                o = key()
                if o is not None:
                    new[o] = deepcopy(value, memo)
        return new

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        with _IterationGuard(self):
            for wr, value in list(self.data.items()):
                key = wr()
                if key is not None:
                    yield key, value

    def keys(self):
        with _IterationGuard(self):
            for wr in list(self.data):
                o = wr()
                if o is not None:
                    yield o

    __iter__ = keys

    def values(self):
        with _IterationGuard(self):
            for wr, value in list(self.data.items()):
                if wr() is not None:
                    yield value

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if len(kwargs):
            self.update(kwargs)

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if isinstance(other, (dict, MutableMapping)):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (dict, MutableMapping)):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented


class WeakSet(MutableSet):
    """A set of weakly referenced objects."""

    def __init__(self, data=None):
        self.data = set()

        def _remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending.append(item)
                else:
                    self.data.discard(item)
        self._remove = _remove
        self._pending = []
        self._iterating = 0
        if data is not None:
            self.update(data)

    def _commit_removals(self):
        pop = self._pending.pop
        discard = self.data.discard
        while self._pending:
            discard(pop())

    def __iter__(self):
        with _IterationGuard(self):
            for itemref in list(self.data):
                item = itemref()
                if item is not None:
                    yield item

    def __len__(self):
        return len(self.data) - len(self._pending)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __reduce__(self):
        return (self.__class__, (list(self),), getattr(self, '__dict__', None))

    def add(self, item):
        if self._pending:
            self._commit_removals()
        self.data.add(ref(item, self._remove))

    def clear(self):
        if self._pending:
            self._commit_removals()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        if self._pending:
            self._commit_removals()
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            item = itemref()
            if item is not None:
                return item

    def remove(self, item):
        if self._pending:
            self._commit_removals()
        self.data.remove(ref(item))

    def discard(self, item):
        if self._pending:
            self._commit_removals()
        self.data.discard(ref(item))

    def update(self, other):
        if self._pending:
            self._commit_removals()
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        newset = self.copy()
        newset.difference_update(other)
        return newset
    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self._pending:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)
    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        if self._pending:
            self._commit_removals()
        self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)
    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)
    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    def symmetric_difference(self, other):
        newset = self.copy()
        newset.symmetric_difference_update(other)
        return newset
    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self._pending:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return self.__class__(e for s in (self, other) for e in s)
    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    def __repr__(self):
        return repr(self.data)

    __hash__ = None

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class finalize:
    """Class for finalization of weakrefable objects.

    finalize(obj, func, *args, **kwargs) returns a callable finalizer
    object which will be called when obj is garbage collected. The
    first time the finalizer is called it evaluates func(*arg, **kwargs)
    and returns the result. After this the finalizer is dead, and
    calling it just returns None.

    When the program exits any remaining finalizers for which the
    atexit attribute is true will be run in reverse order of creation.
    By default atexit is true.
    """

    _registry = {}
    _shutdown = False
    _count = 0
    _registered_with_atexit = False

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._count
        finalize._count += 1
        self._registry[self] = info

    def __call__(self, _=None):
        """If alive then mark as dead and return func(*args, **kwargs);
        otherwise return None"""
        info = self._registry.pop(self, None)
        if info and not self._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """If alive then mark as dead and return (obj, func, args, kwargs);
        otherwise return None"""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """If alive then return (obj, func, args, kwargs);
        otherwise return None"""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether finalizer is alive"""
        return self in self._registry

    @property
    def atexit(self):
        """Whether finalizer should be called at exit"""
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _exitfunc(cls):
        # At exit: the finalizers still alive that ask for it, newest first.
        try:
            pending = sorted((i.index, f) for f, i in cls._registry.items() if i.atexit)
            for _, f in reversed(pending):
                try:
                    f()
                except Exception:
                    sys.excepthook(*sys.exc_info())
        finally:
            cls._shutdown = True
