# The runtime objects behind `list[int]` (types.GenericAlias) and `int | None`
# (types.UnionType). The interpreter imports this module the first time a
# script subscripts a built-in class or joins types with `|`; `types` and
# `typing` re-export the classes.


def _type_repr(obj):
    # How a GenericAlias or a union shows one of its arguments.
    if obj is ...:
        return "..."
    if obj is None or obj is type(None):
        return "None"
    if isinstance(obj, (GenericAlias, UnionType)):
        return repr(obj)
    if hasattr(obj, "__origin__") and hasattr(obj, "__args__"):
        return repr(obj)
    qualname = getattr(obj, "__qualname__", None)
    module = getattr(obj, "__module__", None)
    if qualname is not None and module is not None:
        if module == "builtins":
            return qualname
        return module + "." + qualname
    return repr(obj)


def _is_typevar(obj):
    return type(obj).__name__ in ("TypeVar", "ParamSpec", "TypeVarTuple") and \
        type(obj).__module__ == "typing"


def _collect_parameters(args):
    params = []
    for a in args:
        if _is_typevar(a):
            if a not in params:
                params.append(a)
        else:
            for p in getattr(a, "__parameters__", ()) if not isinstance(a, type) else ():
                if p not in params:
                    params.append(p)
    return tuple(params)


def _substitute(args, params, values):
    # Replace each type variable in `args` by its value (nested aliases too).
    subst = dict(zip(params, values))
    out = []
    for a in args:
        if _is_typevar(a):
            out.append(subst[a])
        elif not isinstance(a, type) and getattr(a, "__parameters__", ()):
            inner = tuple(subst[p] for p in a.__parameters__)
            out.append(a[inner if len(inner) != 1 else inner[0]])
        else:
            out.append(a)
    return tuple(out)


def _check_subst(alias, params, item):
    if not params:
        raise TypeError(f"{alias!r} is not a generic class")
    values = item if isinstance(item, tuple) else (item,)
    if len(values) != len(params):
        many = "many" if len(values) > len(params) else "few"
        raise TypeError(f"Too {many} arguments for {alias!r}; actual {len(values)}, "
                        f"expected {len(params)}")
    return values


class GenericAlias:
    """Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        object.__setattr__(self, "__origin__", origin)
        object.__setattr__(self, "__args__", args)
        object.__setattr__(self, "__parameters__", _collect_parameters(args))
        object.__setattr__(self, "__unpacked__", False)

    def __repr__(self):
        origin = _type_repr(self.__origin__)
        if not self.__args__:
            return f"{origin}[()]"
        return f"{origin}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__") and name in (
                "__origin__", "__args__", "__parameters__", "__unpacked__",
                "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__",
                "__deepcopy__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __setattr__(self, name, value):
        if name in ("__origin__", "__args__", "__parameters__", "__unpacked__"):
            raise AttributeError("readonly attribute")
        setattr(self.__origin__, name, value)

    def __getitem__(self, item):
        values = _check_subst(self, self.__parameters__, item)
        return GenericAlias(self.__origin__,
                            _substitute(self.__args__, self.__parameters__, values))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __dir__(self):
        return sorted(set(dir(self.__origin__)) | {"__origin__", "__args__",
                                                   "__parameters__", "__unpacked__"})


GenericAlias.__module__ = "types"


def _unionable(obj):
    return obj is None or isinstance(obj, (type, GenericAlias, UnionType)) or _is_typevar(obj)


class UnionType:
    """Represent a PEP 604 union type

E.g. for int | str"""

    def __init__(self, args):
        object.__setattr__(self, "__args__", args)
        object.__setattr__(self, "__parameters__", _collect_parameters(args))

    def __repr__(self):
        return " | ".join(_type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __setattr__(self, name, value):
        raise AttributeError(f"'types.UnionType' object attribute '{name}' is read-only")

    def __getitem__(self, item):
        values = _check_subst(self, self.__parameters__, item)
        args = _substitute(self.__args__, self.__parameters__, values)
        result = args[0]
        for a in args[1:]:
            result = result | a
        return result

    def __instancecheck__(self, obj):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
        return issubclass(cls, self.__args__)


UnionType.__module__ = "types"


def _union(a, b):
    # `a | b` for the operands types.UnionType accepts; NotImplemented lets
    # the other operand (typing's special forms) answer.
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    if _is_typevar(a) or _is_typevar(b):
        return NotImplemented
    args = []
    for x in (a, b):
        parts = x.__args__ if isinstance(x, UnionType) else (x,)
        for p in parts:
            if p is None:
                p = type(None)
            if p not in args:
                args.append(p)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))
