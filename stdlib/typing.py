"""Support for type hints: the runtime objects of PEP 484 and its
successors (Any, Union, Optional, the generic aliases List, Dict...,
TypeVar, Generic, Protocol, NamedTuple, TypedDict, Literal, Annotated...)
and the functions that read annotations (get_type_hints, get_origin,
get_args).

weft note: written for weft; the objects print, compare and subscript as
CPython 3.11's do. A type checker is not part of the runtime: these objects
only describe types.
"""

import sys
import collections
import collections.abc
import contextlib
import functools
import types
from abc import ABCMeta, abstractmethod
from _weft_types import GenericAlias as _PEP585Alias, UnionType as _PEP604Union

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final',
    'ForwardRef', 'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol',
    'Tuple', 'Type', 'TypeVar', 'TypeVarTuple', 'Union',
    'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable',
    'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
    'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized',
    'ValuesView', 'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine',
    'Collection', 'AsyncGenerator', 'AsyncContextManager', 'Reversible',
    'SupportsAbs', 'SupportsBytes', 'SupportsComplex', 'SupportsFloat',
    'SupportsIndex', 'SupportsInt', 'SupportsRound',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict',
    'Set', 'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator',
    'BinaryIO', 'IO', 'Match', 'Pattern', 'TextIO',
    'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'final', 'get_args', 'get_origin', 'get_overloads',
    'get_type_hints', 'is_typeddict', 'LiteralString', 'Never', 'NewType',
    'no_type_check', 'no_type_check_decorator', 'NoReturn', 'NotRequired',
    'overload', 'ParamSpecArgs', 'ParamSpecKwargs', 'Required', 'reveal_type',
    'runtime_checkable', 'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias',
    'TypeGuard', 'Unpack',
]

TYPE_CHECKING = False
_NoneType = type(None)


# ---------------------------------------------------------------- helpers

def _type_repr(obj):
    """How a type shows inside an alias's brackets."""
    if isinstance(obj, type) and not isinstance(obj, _PEP585Alias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    return repr(obj)


def _caller_module(depth=2):
    try:
        return sys._getframe(depth).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        return None


def _is_typevar_like(x):
    return isinstance(x, (TypeVar, ParamSpec, TypeVarTuple))


def _convert(arg, msg, allow_special=False):
    """A type argument as aliases keep it: None becomes NoneType, a str a
    ForwardRef. As in CPython 3.11 most values pass; ClassVar and Final are
    refused where they cannot appear, and so is a bare special form."""
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    if isinstance(arg, _GenericAlias) and arg.__origin__ in (ClassVar, Final) \
            and not allow_special:
        raise TypeError(f"{arg} is not valid as type argument")
    if isinstance(arg, _SpecialForm):
        if arg._name in ("NoReturn", "Never", "Self", "LiteralString", "TypeAlias"):
            return arg
        if allow_special and arg._name in ("ClassVar", "Final"):
            return arg
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if arg is Generic or arg is Protocol:
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if isinstance(arg, tuple):
        raise TypeError(f"{msg} Got {arg!r:.100}.")
    return arg


def _collect_parameters(args):
    """The type variables in args, first-seen order, nested ones too."""
    found = []
    for a in args:
        if isinstance(a, type) and not isinstance(a, _PEP585Alias):
            continue
        if _is_typevar_like(a):
            if a not in found:
                found.append(a)
        else:
            for p in getattr(a, "__parameters__", ()) or ():
                if p not in found:
                    found.append(p)
    return tuple(found)


def _substitute(args, params, values):
    """args with each parameter replaced by its value (nested aliases are
    subscripted in turn)."""
    table = dict(zip(params, values))
    out = []
    for a in args:
        if _is_typevar_like(a):
            out.append(table[a])
            continue
        inner = getattr(a, "__parameters__", None) if not isinstance(a, type) else None
        if inner:
            picked = tuple(table[p] for p in inner)
            out.append(a[picked if len(picked) != 1 else picked[0]])
        else:
            out.append(a)
    return tuple(out)


def _dedup(args):
    seen = []
    for a in args:
        if a not in seen:
            seen.append(a)
    return tuple(seen)


# ---------------------------------------------------------------- special forms

class _SpecialForm:
    """A typing construct that is not a class (Union, Optional, ClassVar...):
    it is used subscripted, or on its own where that makes sense."""

    __slots__ = ("_name", "__doc__", "_subscript")

    def __init__(self, subscript, name=None, doc=""):
        self._subscript = subscript
        self._name = name or subscript.__name__
        self.__doc__ = doc or subscript.__doc__

    def __getattr__(self, item):
        if item in ("__name__", "__qualname__"):
            return self._name
        raise AttributeError(item)

    def __repr__(self):
        return "typing." + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __getitem__(self, parameters):
        return self._subscript(self, parameters)


def _form(subscript):
    return _SpecialForm(subscript)


def _no_params(name, doc):
    def subscript(self, parameters):
        raise TypeError(f"{self} is not subscriptable")
    return _SpecialForm(subscript, name, doc)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type: every type is
    compatible with Any and Any with every type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


NoReturn = _no_params("NoReturn", "Special type indicating functions that never return.")
Never = _no_params("Never", "The bottom type, a type that has no members.")
Self = _no_params("Self", "Used to spell the type of \"self\" in classes.")
LiteralString = _no_params("LiteralString", "Represents an arbitrary literal string.")
TypeAlias = _no_params("TypeAlias", "Special form for marking type aliases.")


def _one_type_form(name, doc):
    def subscript(self, parameters):
        if isinstance(parameters, tuple):
            if len(parameters) != 1:
                raise TypeError(f"{self} accepts only single type.")
            parameters = parameters[0]
        item = _convert(parameters, f"{self} accepts only single type.", allow_special=True)
        return _GenericAlias(self, (item,), name=name)
    return _SpecialForm(subscript, name, doc)


ClassVar = _one_type_form("ClassVar", "Special type construct to mark class variables.")
Final = _one_type_form("Final", "Special typing construct to indicate final names to type checkers.")
TypeGuard = _one_type_form("TypeGuard", "Special typing construct for marking user-defined type guard functions.")
Required = _one_type_form("Required", "A special typing construct to mark a key of a total=False TypedDict as required.")
NotRequired = _one_type_form("NotRequired", "A special typing construct to mark a key of a TypedDict as potentially missing.")


def _union_subscript(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        p = _convert(p, "Union[arg, ...]: each arg must be a type.")
        if isinstance(p, (_UnionAlias, _PEP604Union)):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    args = _dedup(flat)
    if len(args) == 1:
        return args[0]
    return _UnionAlias(self, args)


Union = _SpecialForm(_union_subscript, "Union",
                     "Union type; Union[X, Y] means either X or Y.")


def _optional_subscript(self, parameters):
    arg = _convert(parameters, "Optional[t] requires a single type.")
    return Union[arg, None]


Optional = _SpecialForm(_optional_subscript, "Optional",
                        "Optional type: Optional[X] is equivalent to Union[X, None].")


def _literal_subscript(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        if isinstance(p, _LiteralAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    seen = []
    for p in flat:
        if not any(p == q and type(p) is type(q) for q in seen):
            seen.append(p)
    return _LiteralAlias(self, tuple(seen))


Literal = _SpecialForm(_literal_subscript, "Literal",
                       "Special typing form to define literal types (a.k.a. value types).")


def _concatenate_subscript(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Concatenate of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not isinstance(parameters[-1], ParamSpec) and parameters[-1] is not ...:
        raise TypeError("The last parameter to Concatenate should be a ParamSpec variable or ellipsis.")
    return _GenericAlias(self, parameters, name="Concatenate")


Concatenate = _SpecialForm(_concatenate_subscript, "Concatenate",
                           "Used in conjunction with ParamSpec and Callable to represent a "
                           "higher order function which adds, removes or transforms parameters.")


def _unpack_subscript(self, parameters):
    item = _convert(parameters, f"{self} accepts only single type.")
    return _UnpackAlias(self, (item,))


Unpack = _SpecialForm(_unpack_subscript, "Unpack", "Type unpack operator.")


# ---------------------------------------------------------------- ForwardRef

class ForwardRef:
    """A type written as a string, resolved later (get_type_hints)."""

    __slots__ = ("__forward_arg__", "__forward_code__", "__forward_evaluated__",
                 "__forward_value__", "__forward_is_argument__",
                 "__forward_is_class__", "__forward_module__")

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        try:
            code = compile(arg, "<string>", "eval")
        except SyntaxError:
            raise SyntaxError(f"Forward reference must be an expression -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_code__ = code
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        if self.__forward_arg__ in recursive_guard:
            return self
        if self.__forward_module__ is not None:
            mod = sys.modules.get(self.__forward_module__)
            globalns = getattr(mod, "__dict__", globalns)
        if globalns is None and localns is None:
            globalns = localns = {}
        elif globalns is None:
            globalns = localns
        elif localns is None:
            localns = globalns
        value = eval(self.__forward_code__, globalns, localns)
        value = _convert(value, "Forward references must evaluate to types.",
                         allow_special=not self.__forward_is_argument__)
        value = _resolve(value, globalns, localns,
                         recursive_guard | {self.__forward_arg__})
        self.__forward_value__ = value
        self.__forward_evaluated__ = True
        return value

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__
                and self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        module = "" if self.__forward_module__ is None else \
            f", module={self.__forward_module__!r}"
        return f"ForwardRef({self.__forward_arg__!r}{module})"


def _resolve(t, globalns, localns, guard=frozenset()):
    """t with its forward references evaluated, nested ones included."""
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, guard)
    if isinstance(t, (_GenericAlias, _PEP585Alias, _PEP604Union)):
        args = getattr(t, "__args__", ())
        new = tuple(_resolve(a, globalns, localns, guard) for a in args)
        if all(a is b for a, b in zip(new, args)):
            return t
        if isinstance(t, _PEP585Alias):
            return _PEP585Alias(t.__origin__, new)
        if isinstance(t, _PEP604Union):
            return functools.reduce(lambda x, y: x | y, new)
        return t.copy_with(new)
    return t


# ---------------------------------------------------------------- type variables

class _TypeVarLike:
    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __init_subclass__(cls, *args, **kwargs):
        if cls.__module__ != __name__:
            raise TypeError(f"type '{cls.__name__}' is not an acceptable base type")


class TypeVar(_TypeVarLike):
    """A type variable: T = TypeVar('T'), optionally constrained
    (TypeVar('N', int, float)) or bounded (bound=...), covariant or
    contravariant. It shows as ~T (+T covariant, -T contravariant)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        msg = "TypeVar(name, constraint, ...): constraints must be types."
        self.__constraints__ = tuple(_convert(t, msg) for t in constraints)
        self.__bound__ = _convert(bound, "Bound must be a type.") if bound is not None else None
        module = _caller_module()
        if module != "typing":
            self.__module__ = module

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__


class TypeVarTuple(_TypeVarLike):
    """A variadic type variable: Ts = TypeVarTuple('Ts'), used as *Ts or
    Unpack[Ts]."""

    def __init__(self, name):
        self.__name__ = name
        module = _caller_module()
        if module != "typing":
            self.__module__ = module

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


class ParamSpecArgs:
    """P.args of a ParamSpec P."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"

    def __eq__(self, other):
        return isinstance(other, ParamSpecArgs) and self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecArgs, self.__origin__))


class ParamSpecKwargs:
    """P.kwargs of a ParamSpec P."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"

    def __eq__(self, other):
        return isinstance(other, ParamSpecKwargs) and self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecKwargs, self.__origin__))


class ParamSpec(_TypeVarLike):
    """A parameter specification variable: P = ParamSpec('P'), for the
    parameters of a callable (Callable[P, R], *args: P.args)."""

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__bound__ = _convert(bound, "Bound must be a type.") if bound is not None else None
        module = _caller_module()
        if module != "typing":
            self.__module__ = module

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__


# ---------------------------------------------------------------- aliases

_ALIAS_OWN = frozenset({"__origin__", "__args__", "__parameters__", "_name", "_inst",
                        "__metadata__", "__module__", "__orig_class__", "_nparams",
                        "__unpacked__", "__slots__"})


class _BaseAlias:
    """What every typing alias shares: calling it makes an instance of its
    origin, attributes come from the origin, and isinstance() refuses it."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        entries = []
        if self.__origin__ not in bases:
            entries.append(self.__origin__)
        later = bases[bases.index(self) + 1:]
        if not any(isinstance(b, _BaseAlias) or
                   (isinstance(b, type) and issubclass(b, Generic)) for b in later):
            entries.append(Generic)
        return tuple(entries)

    def __getattr__(self, attr):
        if attr in ("__name__", "__qualname__"):
            return self._name or self.__origin__.__name__
        if "__origin__" in self.__dict__ and not (attr.startswith("__") and attr.endswith("__")):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, val):
        if attr in _ALIAS_OWN or attr.startswith("_abc_"):
            object.__setattr__(self, attr, val)
        else:
            setattr(self.__origin__, attr, val)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __dir__(self):
        return sorted(set(dir(self.__origin__)) | {"__origin__", "__args__", "__parameters__"})


class _GenericAlias(_BaseAlias):
    """A subscripted generic: List[int], Dict[str, T], ClassVar[int],
    Box[int] for a user Generic class..."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = getattr(origin, "__module__", "typing")

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f"Cannot subscript already-subscripted {self}")
        params = self.__parameters__
        if not params:
            raise TypeError(f"{self} is not a generic class")
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_convert(a, "Parameters to generic types must be types.") for a in args)
        if len(args) != len(params):
            many = "many" if len(args) > len(params) else "few"
            raise TypeError(f"Too {many} arguments for {self}; actual {len(args)}, "
                            f"expected {len(params)}")
        return self.copy_with(_substitute(self.__args__, params, args))

    def copy_with(self, args):
        return type(self)(self.__origin__, args, inst=self._inst, name=self._name)

    def _args_repr(self):
        if not self.__args__:
            return "()"
        return ", ".join(_type_repr(a) for a in self.__args__)

    def __repr__(self):
        head = "typing." + self._name if self._name else _type_repr(self.__origin__)
        return f"{head}[{self._args_repr()}]"

    def __reduce__(self):
        return operator_getitem, (self.__origin__, self.__args__)

    def __mro_entries__(self, bases):
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            later = bases[bases.index(self) + 1:]
            if any(isinstance(b, _BaseAlias) and b is not self for b in later):
                return ()
        return (self.__origin__,)


def operator_getitem(a, b):
    return a[b]


class _TypingEllipsis:
    """Internal placeholder for ... in Tuple[int, ...]."""


class _SpecialGenericAlias(_BaseAlias):
    """A bare generic alias such as typing.List: usable as the class it
    stands for, or subscripted (List[int])."""

    def __init__(self, origin, nparams, *, inst=True, name=None, defaults=()):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        self.__module__ = "typing"

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = "Parameters to generic types must be types."
        params = tuple(_convert(p, msg) for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            many = "many" if len(params) > self._nparams else "few"
            raise TypeError(f"Too {many} arguments for {self}; actual {len(params)}, "
                            f"expected {self._nparams}")
        return _GenericAlias(self.__origin__, params, inst=self._inst, name=self._name)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, inst=self._inst, name=self._name)

    def __repr__(self):
        return "typing." + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __reduce__(self):
        return self._name

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __eq__(self, other):
        if isinstance(other, _SpecialGenericAlias):
            return self.__origin__ is other.__origin__ and self._name == other._name
        return NotImplemented

    def __hash__(self):
        return hash((self.__origin__, self._name))


class _CallableGenericAlias(_GenericAlias):
    """Callable[[args...], result]: __args__ is (args..., result)."""

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and (args[0] is ... or _is_param_expr(args[0])):
            first = "..." if args[0] is ... else _type_repr(args[0])
            return f"typing.Callable[{first}, {_type_repr(args[1])}]"
        params = ", ".join(_type_repr(a) for a in args[:-1])
        return f"typing.Callable[[{params}], {_type_repr(args[-1])}]"

    def copy_with(self, args):
        return _CallableGenericAlias(self.__origin__, args, name="Callable")


def _is_param_expr(x):
    return x is ... or isinstance(x, (ParamSpec, tuple, list)) or \
        (isinstance(x, _GenericAlias) and x.__origin__ is Concatenate)


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            args = tuple(_convert(a, "Callable[[arg, ...], result]: each arg must be a type.")
                         for a in args)
        elif not _is_param_expr(args):
            raise TypeError("Callable[args, result]: args must be a list. "
                            f"Got {args!r:.100}.")
        else:
            args = (args,)
        result = _convert(result, "Callable[args, result]: result must be a type.")
        return _CallableGenericAlias(self.__origin__, args + (result,), name="Callable")

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name="Callable")


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = "Tuple[t, ...]: t must be a type."
            params = tuple(_convert(p, msg) for p in params[:-1])
            return _GenericAlias(tuple, params + (_TypingEllipsis,), name="Tuple")
        msg = "Tuple[t0, t1, ...]: each t must be a type."
        params = tuple(_convert(p, msg) for p in params)
        return _GenericAlias(tuple, params, name="Tuple")


class _UnionAlias(_GenericAlias):
    """Union[X, Y] (shown as Optional[X] when Y is None)."""

    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionAlias, _PEP604Union)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return f"typing.Optional[{_type_repr(args[1])}]"
            if args[1] is _NoneType:
                return f"typing.Optional[{_type_repr(args[0])}]"
        return f"typing.Union[{self._args_repr()}]"

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __reduce__(self):
        return operator_getitem, (Union, self.__args__)


class _LiteralAlias(_GenericAlias):
    """Literal[1, 'a']: the values themselves, shown by repr."""

    def __init__(self, origin, args, **kwargs):
        object.__setattr__(self, "_inst", False)
        object.__setattr__(self, "_name", "Literal")
        object.__setattr__(self, "__origin__", origin)
        object.__setattr__(self, "__args__", args)
        object.__setattr__(self, "__parameters__", ())

    def _args_repr(self):
        return ", ".join(repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, _LiteralAlias):
            return NotImplemented
        return set((a, type(a)) for a in self.__args__) == \
            set((a, type(a)) for a in other.__args__)

    def __hash__(self):
        return hash(frozenset((a, type(a)) for a in self.__args__))


class _UnpackAlias(_GenericAlias):
    def __repr__(self):
        return "*" + repr(self.__args__[0])


class _AnnotatedAlias(_GenericAlias):
    """Annotated[T, x, ...]: the type T with metadata (x, ...)."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        meta = ", ".join(repr(m) for m in self.__metadata__)
        return f"typing.Annotated[{_type_repr(self.__origin__)}, {meta}]"

    def __reduce__(self):
        return operator_getitem, (Annotated, (self.__origin__,) + self.__metadata__)

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in ("__name__", "__qualname__"):
            return "Annotated"
        return super().__getattr__(attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class Annotated:
    """Add context-specific metadata to a type: Annotated[T, x] is T for
    type checkers, with x kept in __metadata__ for tools that read it."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two arguments "
                            "(a type and an annotation).")
        origin = _convert(params[0], "Annotated[t, ...]: t must be a type.", allow_special=True)
        return _AnnotatedAlias(origin, tuple(params[1:]))

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError(f"Cannot subclass {cls.__module__}.Annotated")


# ---------------------------------------------------------------- Generic and Protocol

class Generic:
    """Abstract base class for generic types: class Box(Generic[T]) makes
    Box[int] a type; Box's __parameters__ are its type variables."""

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = "Parameters to generic types must be types."
        params = tuple(_convert(p, msg) for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
            if not all(_is_typevar_like(p) for p in params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all be type "
                                "variables or parameter specification variables.")
            if len(set(params)) != len(params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all be unique")
        else:
            expected = getattr(cls, "__parameters__", ())
            if len(params) != len(expected):
                many = "many" if len(params) > len(expected) else "few"
                raise TypeError(f"Too {many} arguments for {cls}; actual {len(params)}, "
                                f"expected {len(expected)}")
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        own = vars(cls)
        if "__orig_bases__" in own:
            orig = own["__orig_bases__"]
            if Generic in orig and cls.__name__ != "Protocol":
                raise TypeError("Cannot inherit from plain Generic")
            tvars = list(_collect_parameters(orig))
            declared = None
            for base in orig:
                if isinstance(base, _GenericAlias) and base.__origin__ in (Generic, Protocol) \
                        and not (base.__origin__ is Protocol and declared is not None):
                    if declared is not None and base.__origin__ is Generic:
                        raise TypeError("Cannot inherit from Generic[...] multiple types.")
                    declared = base.__parameters__
            if declared is not None:
                missing = [t for t in tvars if t not in declared]
                if missing:
                    s = ", ".join(str(t) for t in missing)
                    g = ", ".join(str(t) for t in declared)
                    raise TypeError(f"Some type variables ({s}) are not listed in Generic[{g}]")
                tvars = list(declared)
            cls.__parameters__ = tuple(tvars)
        else:
            if Generic in cls.__bases__ and cls.__name__ != "Protocol" and \
                    type(cls) is not _TypedDictMeta:
                raise TypeError("Cannot inherit from plain Generic")
            if "__parameters__" not in own:
                cls.__parameters__ = ()


_PROTOCOL_IGNORED = frozenset({
    "__abstractmethods__", "__annotations__", "__dict__", "__doc__", "__init__",
    "__module__", "__new__", "__slots__", "__subclasshook__", "__weakref__",
    "__class_getitem__", "__parameters__", "__orig_bases__", "__qualname__",
    "__init_subclass__", "__match_args__", "__protocol_attrs__",
    "_is_protocol", "_is_runtime_protocol", "__non_callable_proto_members__",
})


def _protocol_members(cls):
    members = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ("Protocol", "Generic"):
            continue
        ns = vars(base)
        for name in list(ns) + list(ns.get("__annotations__", {})):
            if not name.startswith("_abc_") and name not in _PROTOCOL_IGNORED:
                members.add(name)
    return members


class _ProtocolMeta(ABCMeta):
    def __instancecheck__(cls, instance):
        if getattr(cls, "_is_protocol", False):
            if not getattr(cls, "_is_runtime_protocol", False):
                raise TypeError("Instance and class checks can only be used with "
                                "@runtime_checkable protocols")
            ok = True
            for name in _protocol_members(cls):
                if not hasattr(instance, name):
                    ok = False
                    break
                if callable(getattr(cls, name, None)) and getattr(instance, name) is None:
                    ok = False
                    break
            if ok:
                return True
        return super().__instancecheck__(instance)

    def __subclasscheck__(cls, other):
        if getattr(cls, "_is_protocol", False) and not getattr(cls, "_is_runtime_protocol", False):
            raise TypeError("Instance and class checks can only be used with "
                            "@runtime_checkable protocols")
        return super().__subclasscheck__(other)


def _protocol_hook(cls, other):
    # issubclass() for runtime protocols: every member defined on the class.
    if not getattr(cls, "_is_protocol", False):
        return NotImplemented
    if not isinstance(other, type):
        raise TypeError("issubclass() arg 1 must be a class")
    for name in _protocol_members(cls):
        for base in other.__mro__:
            ns = vars(base)
            if name in ns:
                if ns[name] is None:
                    return NotImplemented
                break
            if name in ns.get("__annotations__", {}):
                break
        else:
            return NotImplemented
    return True


def _no_init(self, *args, **kwargs):
    if type(self)._is_protocol:
        raise TypeError("Protocols cannot be instantiated")


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes (structural subtyping): a class
    need not inherit from a protocol to satisfy it, only define its
    members. With @runtime_checkable, isinstance() checks them."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not vars(cls).get("_is_protocol", False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if "__subclasshook__" not in vars(cls):
            cls.__subclasshook__ = classmethod(_protocol_hook)
        if cls._is_protocol and "__init__" not in vars(cls):
            cls.__init__ = _no_init


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol (isinstance() and
    issubclass() then check its members)."""
    if not issubclass(cls, Generic) or not getattr(cls, "_is_protocol", False):
        raise TypeError("@runtime_checkable can be only applied to protocol classes,"
                        f" got {cls!r}")
    cls._is_runtime_protocol = True
    return cls


# ---------------------------------------------------------------- the aliases

AnyStr = TypeVar("AnyStr", bytes, str)

def _alias(origin, nparams, inst=True, name=None):
    return _SpecialGenericAlias(origin, nparams, inst=inst, name=name)


_cabc = collections.abc
Hashable = _alias(_cabc.Hashable, 0)
Awaitable = _alias(_cabc.Awaitable, 1)
Coroutine = _alias(_cabc.Coroutine, 3)
AsyncIterable = _alias(_cabc.AsyncIterable, 1)
AsyncIterator = _alias(_cabc.AsyncIterator, 1)
Iterable = _alias(_cabc.Iterable, 1)
Iterator = _alias(_cabc.Iterator, 1)
Reversible = _alias(_cabc.Reversible, 1)
Sized = _alias(_cabc.Sized, 0)
Container = _alias(_cabc.Container, 1)
Collection = _alias(_cabc.Collection, 1)
Callable = _CallableType(_cabc.Callable, 2)
AbstractSet = _alias(_cabc.Set, 1, name="AbstractSet")
MutableSet = _alias(_cabc.MutableSet, 1)
Mapping = _alias(_cabc.Mapping, 2)
MutableMapping = _alias(_cabc.MutableMapping, 2)
Sequence = _alias(_cabc.Sequence, 1)
MutableSequence = _alias(_cabc.MutableSequence, 1)
ByteString = _alias(_cabc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name="Tuple")
List = _alias(list, 1, inst=False, name="List")
Deque = _alias(collections.deque, 1, name="Deque")
Set = _alias(set, 1, inst=False, name="Set")
FrozenSet = _alias(frozenset, 1, inst=False, name="FrozenSet")
MappingView = _alias(_cabc.MappingView, 1)
KeysView = _alias(_cabc.KeysView, 1)
ItemsView = _alias(_cabc.ItemsView, 2)
ValuesView = _alias(_cabc.ValuesView, 1)
ContextManager = _alias(contextlib.AbstractContextManager, 1, name="ContextManager")
AsyncContextManager = _alias(contextlib.AbstractAsyncContextManager, 1,
                             name="AsyncContextManager")
Dict = _alias(dict, 2, inst=False, name="Dict")
DefaultDict = _alias(collections.defaultdict, 2, name="DefaultDict")
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Generator = _alias(_cabc.Generator, 3)
AsyncGenerator = _alias(_cabc.AsyncGenerator, 2)
Type = _alias(type, 1, inst=False, name="Type")
Text = str
del _cabc


# ---------------------------------------------------------------- Supports* protocols

def _supports(name, method, doc, generic=False):
    ns = {"__slots__": (), "__doc__": doc, "__module__": "typing"}

    def abstract(self):
        pass
    abstract.__name__ = method
    ns[method] = abstractmethod(abstract)
    base = Protocol[TypeVar("T_co", covariant=True)] if generic else Protocol
    return runtime_checkable(types.new_class(name, (base,), {}, lambda d: d.update(ns)))


SupportsInt = _supports("SupportsInt", "__int__", "An ABC with one abstract method __int__.")
SupportsFloat = _supports("SupportsFloat", "__float__",
                          "An ABC with one abstract method __float__.")
SupportsComplex = _supports("SupportsComplex", "__complex__",
                            "An ABC with one abstract method __complex__.")
SupportsBytes = _supports("SupportsBytes", "__bytes__",
                          "An ABC with one abstract method __bytes__.")
SupportsIndex = _supports("SupportsIndex", "__index__",
                          "An ABC with one abstract method __index__.")
SupportsAbs = _supports("SupportsAbs", "__abs__",
                        "An ABC with one abstract method __abs__ that is covariant "
                        "in its return type.", generic=True)
SupportsRound = _supports("SupportsRound", "__round__",
                          "An ABC with one abstract method __round__ that is covariant "
                          "in its return type.", generic=True)


# ---------------------------------------------------------------- NamedTuple

_NT_PROTECTED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__",
                           "_fields", "_field_defaults", "_make", "_replace",
                           "_asdict", "_source"})
_NT_SKIPPED = frozenset({"__module__", "__name__", "__annotations__", "__qualname__",
                         "__orig_bases__"})


def _make_namedtuple(name, fields, module, defaults=()):
    msg = "NamedTuple('Name', [(f0, t0), (f1, t1), ...]); each t must be a type"
    hints = {n: _convert(t, msg) for n, t in fields}
    nt = collections.namedtuple(name, [n for n, _ in fields], defaults=defaults,
                                module=module)
    nt.__annotations__ = hints
    return nt


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if ns.get("_weft_root"):
            return super().__new__(mcls, typename, bases, ns)
        for base in bases:
            if base is not _NamedTupleBase and base is not Generic:
                raise TypeError("can only inherit from a NamedTuple type and Generic")
        hints = ns.get("__annotations__", {})
        fields = list(hints)
        defaults = []
        with_default = []
        for f in fields:
            if f in ns:
                defaults.append(ns[f])
                with_default.append(f)
            elif defaults:
                s = "s" if len(with_default) > 1 else ""
                raise TypeError(f"Non-default namedtuple field {f} cannot follow "
                                f"default field{s} {', '.join(with_default)}")
        nt = _make_namedtuple(typename, list(hints.items()), ns["__module__"], defaults)
        for key, value in ns.items():
            if key in _NT_PROTECTED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NT_SKIPPED and key not in nt._fields and key != "_weft_root":
                setattr(nt, key, value)
                setter = getattr(type(value), "__set_name__", None)
                if setter is not None:
                    setter(value, nt, key)
        return nt

    def __call__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError("Either list of fields or keywords can be provided to "
                            "NamedTuple, not both")
        return _make_namedtuple(typename, list(fields), _caller_module())


class _NamedTupleBase(metaclass=_NamedTupleMeta):
    _weft_root = True


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of namedtuple: class P(NamedTuple) with annotated
    fields (a default makes a field optional), or
    NamedTuple('P', [('x', int), ('y', int)])."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords can be provided to "
                        "NamedTuple, not both")
    return _make_namedtuple(typename, list(fields), _caller_module())


NamedTuple.__mro_entries__ = lambda bases: (_NamedTupleBase,)


# ---------------------------------------------------------------- TypedDict

def _strip_required(t):
    # (the type inside Required[...] / NotRequired[...], which or None)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired):
        return t.__args__[0], t.__origin__
    return t, None


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError("cannot inherit from both a TypedDict type and a non-TypedDict base class")
        tp = super().__new__(mcls, name, (dict,), ns)
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(base.__dict__.get("__annotations__", {}))
            required.update(base.__dict__.get("__required_keys__", ()))
            optional.update(base.__dict__.get("__optional_keys__", ()))
        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        own = {k: _convert(v, msg, allow_special=True)
               for k, v in ns.get("__annotations__", {}).items()}
        annotations.update(own)
        for key, t in own.items():
            _, which = _strip_required(t)
            if which is Required or (which is None and total):
                required.add(key)
                optional.discard(key)
            else:
                optional.add(key)
                required.discard(key)
        tp.__annotations__ = annotations
        tp.__required_keys__ = frozenset(required)
        tp.__optional_keys__ = frozenset(optional)
        if not hasattr(tp, "__total__"):
            tp.__total__ = total
        return tp

    def __init__(cls, name, bases, ns, total=True):
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __instancecheck__(cls, other):
        raise TypeError("TypedDict does not support instance and class checks")

    def __subclasscheck__(cls, other):
        raise TypeError("TypedDict does not support instance and class checks")


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict type with a fixed set of keys, each with its value type:
    class Movie(TypedDict): title: str, or TypedDict('Movie', {'title': str}).
    At run time a TypedDict makes plain dicts."""
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments, but not both")
    ns = {"__annotations__": dict(fields), "__module__": _caller_module()}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDictBase = type.__new__(_TypedDictMeta, "TypedDict", (), {"__module__": "typing"})
TypedDict.__mro_entries__ = lambda bases: (_TypedDictBase,)


def is_typeddict(tp):
    """True if tp is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)


# ---------------------------------------------------------------- NewType

class NewType:
    """A distinct name for a type, for type checkers: UserId =
    NewType('UserId', int); at run time UserId(5) is 5."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if "." in name:
            name = name.rpartition(".")[-1]
        self.__name__ = name
        self.__supertype__ = tp
        module = _caller_module()
        if module != "typing":
            self.__module__ = module

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass an instance of NewType. Perhaps you were "
                        f"looking for: `{self.__name__} = NewType({self.__name__!r}, "
                        f"{self.__name__})`")

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"

    def __call__(self, x):
        return x

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


# ---------------------------------------------------------------- functions

def cast(typ, val):
    """Cast a value to a type: returns the value unchanged (a note for type
    checkers)."""
    return val


def assert_type(val, typ, /):
    """Ask a type checker to confirm val has type typ; returns val."""
    return val


def assert_never(arg, /):
    """Statically assert that a line of code is unreachable."""
    shown = repr(arg)
    if len(shown) > 100:
        shown = shown[:100] + "..."
    raise AssertionError(f"Expected code to be unreachable, but got: {shown}")


def reveal_type(obj, /):
    """Print the run-time type of obj to stderr; returns obj."""
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def final(f):
    """Decorator: the method can't be overridden (or the class subclassed),
    for type checkers; marks f with __final__ = True."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Decorator: type checkers ignore the annotations of this function (or
    of every method of this class)."""
    if isinstance(arg, type):
        for value in list(vars(arg).values()):
            if isinstance(value, types.FunctionType):
                value.__no_type_check__ = True
        return arg
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Decorator for decorators: what they decorate gets no_type_check."""
    @functools.wraps(decorator)
    def wrapped(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    """Decorator marking a function, class or metaclass as making
    dataclass-like classes; records its arguments in
    __dataclass_transform__."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default,
            "order_default": order_default,
            "kw_only_default": kw_only_default,
            "field_specifiers": field_specifiers,
            "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator


_overloads = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def _overload_key(func):
    f = getattr(func, "__func__", func)
    return (getattr(f, "__module__", None), getattr(f, "__qualname__", None))


def overload(func):
    """Decorator for the overloaded signatures of a function: the last
    definition, without @overload, is the implementation."""
    _overloads.setdefault(_overload_key(func), []).append(func)
    return _overload_dummy


def get_overloads(func):
    """The @overload-decorated definitions of func, in order."""
    return list(_overloads.get(_overload_key(func), []))


def clear_overloads():
    """Forget every registered overload."""
    _overloads.clear()


def get_origin(tp):
    """The unsubscripted form of a type: get_origin(List[int]) is list,
    get_origin(Union[int, str]) is Union; None for plain types."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseAlias, _PEP585Alias, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _PEP604Union):
        return types.UnionType
    return None


def get_args(tp):
    """The arguments of a subscripted type: get_args(Dict[int, str]) is
    (int, str), get_args(Callable[[], T]) is ([], T); () otherwise."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _PEP585Alias)):
        args = tp.__args__
        if getattr(tp, "__origin__", None) is collections.abc.Callable and \
                not (len(args) == 2 and _is_param_expr(args[0])):
            return (list(args[:-1]), args[-1])
        return args
    if isinstance(tp, _PEP604Union):
        return tp.__args__
    return ()


def _strip_extras(t):
    # Annotated[T, ...] -> T, Required[T] -> T, recursively.
    if isinstance(t, _AnnotatedAlias):
        return _strip_extras(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired):
        return _strip_extras(t.__args__[0])
    if isinstance(t, (_GenericAlias, _PEP585Alias, _PEP604Union)):
        args = getattr(t, "__args__", ())
        new = tuple(_strip_extras(a) for a in args)
        if all(a is b for a, b in zip(new, args)):
            return t
        if isinstance(t, _PEP585Alias):
            return _PEP585Alias(t.__origin__, new)
        if isinstance(t, _PEP604Union):
            return functools.reduce(lambda x, y: x | y, new)
        return t.copy_with(new)
    return t


def _hint(value, globalns, localns, is_class=False):
    if value is None:
        return _NoneType
    if isinstance(value, str):
        value = ForwardRef(value, is_argument=not is_class, is_class=is_class)
    return _resolve(value, globalns, localns)


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The type hints of a module, class, method or function, as a dict:
    string annotations are evaluated (in the module's globals unless
    globalns is given), None becomes NoneType, and Annotated[T, ...]
    becomes T unless include_extras. For a class, the hints of its bases
    come first."""
    if getattr(obj, "__no_type_check__", None):
        return {}
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = vars(base).get("__annotations__", {})
            if isinstance(ann, types.GetSetDescriptorType):
                ann = {}
            if globalns is None:
                module = sys.modules.get(getattr(base, "__module__", None))
                base_globals = getattr(module, "__dict__", {})
            else:
                base_globals = globalns
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                hints[name] = _hint(value, base_globals, base_locals, is_class=True)
        if include_extras:
            return hints
        return {k: _strip_extras(t) for k, t in hints.items()}
    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            inner = obj
            while hasattr(inner, "__wrapped__"):
                inner = inner.__wrapped__
            globalns = getattr(inner, "__globals__", {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = getattr(obj, "__annotations__", None)
    if hints is None:
        if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType,
                            types.MethodType, types.ModuleType)):
            return {}
        raise TypeError(f"{obj!r} is not a module, class, method, or function.")
    result = {}
    for name, value in dict(hints).items():
        result[name] = _hint(value, globalns, localns, is_class=isinstance(obj, types.ModuleType))
    if include_extras:
        return result
    return {k: _strip_extras(t) for k, t in result.items()}


# ---------------------------------------------------------------- IO types

T = TypeVar("T")
KT = TypeVar("KT")
VT = TypeVar("VT")
T_co = TypeVar("T_co", covariant=True)
V_co = TypeVar("V_co", covariant=True)
VT_co = TypeVar("VT_co", covariant=True)
T_contra = TypeVar("T_contra", contravariant=True)
CT_co = TypeVar("CT_co", covariant=True, bound=type)


class IO(Generic[AnyStr]):
    """Generic base class for file-like objects (a description of their
    methods; the file objects weft makes do not derive from it)."""

    __slots__ = ()

    @property
    @abstractmethod
    def mode(self):
        pass

    @property
    @abstractmethod
    def name(self):
        pass

    @abstractmethod
    def close(self):
        pass

    @property
    @abstractmethod
    def closed(self):
        pass

    @abstractmethod
    def fileno(self):
        pass

    @abstractmethod
    def flush(self):
        pass

    @abstractmethod
    def isatty(self):
        pass

    @abstractmethod
    def read(self, n=-1):
        pass

    @abstractmethod
    def readable(self):
        pass

    @abstractmethod
    def readline(self, limit=-1):
        pass

    @abstractmethod
    def readlines(self, hint=-1):
        pass

    @abstractmethod
    def seek(self, offset, whence=0):
        pass

    @abstractmethod
    def seekable(self):
        pass

    @abstractmethod
    def tell(self):
        pass

    @abstractmethod
    def truncate(self, size=None):
        pass

    @abstractmethod
    def writable(self):
        pass

    @abstractmethod
    def write(self, s):
        pass

    @abstractmethod
    def writelines(self, lines):
        pass

    @abstractmethod
    def __enter__(self):
        pass

    @abstractmethod
    def __exit__(self, type, value, traceback):
        pass


class BinaryIO(IO[bytes]):
    """Typed version of the return of open() in binary mode."""

    __slots__ = ()

    @abstractmethod
    def write(self, s):
        pass

    @abstractmethod
    def __enter__(self):
        pass


class TextIO(IO[str]):
    """Typed version of the return of open() in text mode."""

    __slots__ = ()

    @property
    @abstractmethod
    def buffer(self):
        pass

    @property
    @abstractmethod
    def encoding(self):
        pass

    @property
    @abstractmethod
    def errors(self):
        pass

    @property
    @abstractmethod
    def line_buffering(self):
        pass

    @property
    @abstractmethod
    def newlines(self):
        pass

    @abstractmethod
    def __enter__(self):
        pass


try:
    import re as _re
    Pattern = _alias(_re.Pattern, 1)
    Match = _alias(_re.Match, 1)
    del _re
except (ImportError, AttributeError):
    # Without the re module there is nothing for these to stand for.
    __all__ = [n for n in __all__ if n not in ("Pattern", "Match")]


del T, KT, VT, T_co, V_co, VT_co, T_contra, CT_co
