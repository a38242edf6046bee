"""Data classes: @dataclass generates __init__, __repr__, __eq__ (and on
request ordering, __hash__, frozen instances, __slots__, keyword-only
parameters, __match_args__) from a class's annotated fields.

weft note: written for weft from the documentation; the generated methods
are compiled from source with exec(), as CPython's are.
"""

import sys
import copy
import types
import keyword
from _weft_types import GenericAlias

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar",
           "KW_ONLY", "MISSING", "fields", "asdict", "astuple", "make_dataclass",
           "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _DefaultFactoryMarker:
    def __repr__(self):
        return "<factory>"


_HAS_FACTORY = _DefaultFactoryMarker()
_EMPTY_METADATA = types.MappingProxyType({})


class _FieldKind:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FieldKind("_FIELD")
_FIELD_CLASSVAR = _FieldKind("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FieldKind("_FIELD_INITVAR")


class InitVar:
    """An init-only pseudo-field: passed to __init__ and __post_init__,
    not stored."""

    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type) and not isinstance(self.type, GenericAlias):
            name = self.type.__name__
        else:
            name = repr(self.type)
        return f"dataclasses.InitVar[{name}]"

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """One field of a dataclass (see fields())."""

    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "init",
                 "compare", "metadata", "kw_only", "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else \
            types.MappingProxyType(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field("
                f"name={self.name!r},"
                f"type={self.type!r},"
                f"default={self.default!r},"
                f"default_factory={self.default_factory!r},"
                f"init={self.init!r},"
                f"repr={self.repr!r},"
                f"hash={self.hash!r},"
                f"compare={self.compare!r},"
                f"metadata={self.metadata!r},"
                f"kw_only={self.kw_only!r},"
                f"_field_type={self._field_type}"
                ")")

    def __set_name__(self, owner, name):
        # A default that is a descriptor learns its name too.
        setter = getattr(type(self.default), "__set_name__", None)
        if setter is not None:
            setter(self.default, owner, name)

    __class_getitem__ = classmethod(GenericAlias)


class _DataclassParams:
    __slots__ = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams("
                f"init={self.init!r},repr={self.repr!r},eq={self.eq!r},"
                f"order={self.order!r},unsafe_hash={self.unsafe_hash!r},"
                f"frozen={self.frozen!r})")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Describe a field: its default (or a zero-argument default_factory),
    whether __init__ takes it, whether repr, comparisons and hash use it,
    free-form metadata, and whether it is keyword-only."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT = "__post_init__"


def fields(class_or_instance):
    """The Field objects of a dataclass (or of an instance's class), in
    definition order, without ClassVar and InitVar pseudo-fields."""
    try:
        all_fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in all_fields.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    """True if obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


# ---------------------------------------------------------------- field discovery

def _annotation_kind(annotation, cls):
    """_FIELD_CLASSVAR for ClassVar[...], _FIELD_INITVAR for InitVar[...],
    else _FIELD; string annotations (from __future__ import annotations)
    are read by their text."""
    typing = sys.modules.get("typing")
    if typing is not None:
        if annotation is typing.ClassVar or \
                getattr(annotation, "__origin__", None) is typing.ClassVar:
            return _FIELD_CLASSVAR
    if annotation is InitVar or isinstance(annotation, InitVar):
        return _FIELD_INITVAR
    if isinstance(annotation, str):
        head = annotation.strip().split("[", 1)[0].strip()
        if head in ("ClassVar", "typing.ClassVar"):
            return _FIELD_CLASSVAR
        if head in ("InitVar", "dataclasses.InitVar"):
            return _FIELD_INITVAR
    return _FIELD


def _make_field(cls, name, annotation, kw_only):
    default = vars(cls).get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _annotation_kind(annotation, cls)
    if f._field_type is not _FIELD:
        if f.default_factory is not MISSING:
            raise TypeError(f"field {name} cannot have a default factory")
    if f._field_type is _FIELD_CLASSVAR:
        f.kw_only = False
    elif f.kw_only is MISSING:
        f.kw_only = kw_only
    if f._field_type is _FIELD and f.default is not MISSING and \
            type(f.default).__hash__ is None:
        raise ValueError(f"mutable default {type(f.default)} for field {name} is not "
                         "allowed: use default_factory")
    return f


# ---------------------------------------------------------------- code generation

def _compile(name, params, body_lines, ns, cls):
    body = "\n".join("    " + line for line in body_lines) or "    pass"
    src = f"def {name}({', '.join(params)}):\n{body}\n"
    exec(src, ns)
    fn = ns[name]
    fn.__qualname__ = f"{cls.__qualname__}.{name}"
    return fn


def _init_fn(cls, all_fields, frozen, has_post_init, ns):
    positional, keyword_only = [], []
    seen_default = None
    lines = []
    for f in all_fields:
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if f.init:
            if f.default is not MISSING:
                ns[f"_dflt_{f.name}"] = f.default
                param = f"{f.name}=_dflt_{f.name}"
            elif f.default_factory is not MISSING:
                param = f"{f.name}=_HAS_FACTORY"
            else:
                param = f.name
            if f.kw_only:
                keyword_only.append(param)
            else:
                if "=" in param:
                    seen_default = f.name
                elif seen_default is not None:
                    raise TypeError(f"non-default argument {f.name!r} follows default argument")
                positional.append(param)
        if f._field_type is _FIELD_INITVAR:
            continue
        if f.default_factory is not MISSING:
            ns[f"_factory_{f.name}"] = f.default_factory
            if f.init:
                value = f"_factory_{f.name}() if {f.name} is _HAS_FACTORY else {f.name}"
            else:
                value = f"_factory_{f.name}()"
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            ns[f"_dflt_{f.name}"] = f.default
            value = f"_dflt_{f.name}"
        else:
            continue
        if frozen:
            lines.append(f"_object_setattr(self, {f.name!r}, {value})")
        else:
            lines.append(f"self.{f.name} = {value}")
    if has_post_init:
        initvars = ", ".join(f.name for f in all_fields if f._field_type is _FIELD_INITVAR)
        lines.append(f"self.{_POST_INIT}({initvars})")
    params = ["self"] + positional
    if keyword_only:
        params += ["*"] + keyword_only
    ns["_HAS_FACTORY"] = _HAS_FACTORY
    ns["_object_setattr"] = object.__setattr__
    fn = _compile("__init__", params, lines, ns, cls)
    annotations = {f.name: f.type for f in all_fields
                   if f.init and f._field_type is not _FIELD_CLASSVAR}
    annotations["return"] = None
    fn.__annotations__ = annotations
    return fn


_repr_active = set()


def _repr_fn(cls, shown, ns):
    parts = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in shown)

    def __repr__(self):
        key = id(self)
        if key in _repr_active:
            return "..."
        _repr_active.add(key)
        try:
            return self.__class__.__qualname__ + text(self)
        finally:
            _repr_active.discard(key)

    ns_local = {}
    exec(f"def text(self):\n    return f'({parts})'\n", ns_local)
    text = ns_local["text"]
    __repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
    return __repr__


def _tuple_of(names, var):
    if not names:
        return "()"
    return "(" + ", ".join(f"{var}.{n}" for n in names) + ",)"


def _cmp_fn(cls, name, op, names, ns):
    return _compile(name, ["self", "other"], [
        "if other.__class__ is self.__class__:",
        f"    return {_tuple_of(names, 'self')} {op} {_tuple_of(names, 'other')}",
        "return NotImplemented",
    ], ns, cls)


def _hash_fn(cls, names, ns):
    return _compile("__hash__", ["self"], [f"return hash({_tuple_of(names, 'self')})"], ns, cls)


def _frozen_fns(cls, field_names, ns):
    ns["_FrozenInstanceError"] = FrozenInstanceError
    ns["_cls"] = cls
    ns["_field_names"] = frozenset(field_names)
    setattr_fn = _compile("__setattr__", ["self", "name", "value"], [
        "if type(self) is _cls or name in _field_names:",
        "    raise _FrozenInstanceError(f'cannot assign to field {name!r}')",
        "super(_cls, self).__setattr__(name, value)",
    ], ns, cls)
    delattr_fn = _compile("__delattr__", ["self", "name"], [
        "if type(self) is _cls or name in _field_names:",
        "    raise _FrozenInstanceError(f'cannot delete field {name!r}')",
        "super(_cls, self).__delattr__(name)",
    ], ns, cls)
    return setattr_fn, delattr_fn


def _set_new(cls, name, value):
    # Add a generated method unless the class defines that name itself;
    # True when it was added.
    if name in vars(cls):
        return False
    setattr(cls, name, value)
    return True


# ---------------------------------------------------------------- @dataclass

def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                   kw_only, slots, weakref_slot):
    all_fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = vars(base).get(_FIELDS)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if getattr(base, _PARAMS).frozen:
                any_frozen_base = True
    own_annotations = vars(cls).get("__annotations__", {})
    own_fields = []
    kw_only_now = kw_only
    seen_kw_only_marker = False
    for name, annotation in own_annotations.items():
        if annotation is KW_ONLY or (isinstance(annotation, str) and
                                     annotation.strip() in ("KW_ONLY", "dataclasses.KW_ONLY")):
            if seen_kw_only_marker:
                raise TypeError(f"{name!r} is KW_ONLY, but KW_ONLY has already been specified")
            seen_kw_only_marker = True
            kw_only_now = True
            continue
        own_fields.append(_make_field(cls, name, annotation, kw_only_now))
    for f in own_fields:
        all_fields[f.name] = f
        # The class attribute becomes the default (or goes away).
        if isinstance(vars(cls).get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in vars(cls).items():
        if isinstance(value, Field) and name not in own_annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen and any(
                vars(b).get(_FIELDS) is not None and not getattr(b, _PARAMS).frozen
                for b in cls.__mro__[1:]):
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")
    setattr(cls, _FIELDS, all_fields)
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    field_list = list(all_fields.values())
    real = [f for f in field_list if f._field_type is _FIELD]
    ns = {}
    module = sys.modules.get(cls.__module__)
    if module is not None:
        ns.update(module.__dict__)
    class_hash = vars(cls).get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and "__eq__" in vars(cls)))
    if init:
        has_post_init = hasattr(cls, _POST_INIT)
        _set_new(cls, "__init__", _init_fn(cls, field_list, frozen, has_post_init, dict(ns)))
    if repr:
        _set_new(cls, "__repr__", _repr_fn(cls, [f for f in real if f.repr], ns))
    compared = [f.name for f in real if f.compare]
    if eq:
        _set_new(cls, "__eq__", _cmp_fn(cls, "__eq__", "==", compared, dict(ns)))
    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if not _set_new(cls, name, _cmp_fn(cls, name, op, compared, dict(ns))):
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}. "
                                "Consider using functools.total_ordering")
    if frozen:
        setter, deleter = _frozen_fns(cls, [f.name for f in real], dict(ns))
        for name, fn in (("__setattr__", setter), ("__delattr__", deleter)):
            if not _set_new(cls, name, fn):
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
    hashed = [f.name for f in real if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
        cls.__hash__ = _hash_fn(cls, hashed, dict(ns))
    elif eq and not has_explicit_hash:
        if frozen:
            cls.__hash__ = _hash_fn(cls, hashed, dict(ns))
        else:
            cls.__hash__ = None
    if not vars(cls).get("__doc__"):
        cls.__doc__ = cls.__name__ + _signature_text(field_list)
    if match_args:
        _set_new(cls, "__match_args__",
                 tuple(f.name for f in field_list
                       if f.init and not f.kw_only and f._field_type is not _FIELD_CLASSVAR))
    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")
    if slots:
        cls = _with_slots(cls, frozen, weakref_slot)
    try:
        import abc
        abc.update_abstractmethods(cls)
    except ImportError:
        pass
    return cls


def _annotation_text(t):
    # As inspect.formatannotation shows an annotation.
    if isinstance(t, type) and not isinstance(t, GenericAlias):
        if t.__module__ == "builtins":
            return t.__qualname__
        return f"{t.__module__}.{t.__qualname__}"
    return repr(t)


def _signature_text(field_list):
    # "(x: int, y: int = 0)": the __init__ signature, the default __doc__.
    parts = []
    star = False
    for f in field_list:
        if not f.init or f._field_type is _FIELD_CLASSVAR:
            continue
        if f.kw_only and not star:
            parts.append("*")
            star = True
        text = f"{f.name}: {_annotation_text(f.type)}"
        if f.default is not MISSING:
            text += f" = {f.default!r}"
        elif f.default_factory is not MISSING:
            text += " = <factory>"
        parts.append(text)
    return "(" + ", ".join(parts) + ")"


def _with_slots(cls, frozen, weakref_slot):
    # A new class with __slots__ for the fields (slots cannot be added to
    # an existing class).
    body = dict(vars(cls))
    names = tuple(f.name for f in fields(cls))
    if "__slots__" in body:
        raise TypeError(f"{cls.__name__} already specifies __slots__")
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(vars(base).get("__slots__", ()))
    body["__slots__"] = tuple(n for n in names if n not in inherited) + \
        (("__weakref__",) if weakref_slot else ())
    for n in names:
        body.pop(n, None)
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, body)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    if frozen:
        def __getstate__(self):
            return [getattr(self, n) for n in names]

        def __setstate__(self, state):
            for n, v in zip(names, state):
                object.__setattr__(self, n, v)
        new_cls.__getstate__ = __getstate__
        new_cls.__setstate__ = __setstate__
    return new_cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    """Add generated special methods to a class from its annotated fields:
    __init__ (init), __repr__ (repr), __eq__ (eq), the orderings (order),
    __hash__ (per eq/frozen/unsafe_hash), read-only instances (frozen),
    __match_args__, keyword-only parameters (kw_only) and __slots__."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                              match_args, kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


# ---------------------------------------------------------------- helpers

def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict, name to value,
    recursing into dataclasses, lists, tuples and dicts (other values are
    deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict(obj, dict_factory)


def _asdict(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict(k, dict_factory), _asdict(v, dict_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The field values of a dataclass instance as a tuple, recursing as
    asdict() does."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple(obj, tuple_factory)


def _astuple(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple(k, tuple_factory), _astuple(v, tuple_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def replace(obj, /, **changes):
    """A new instance of obj's class with the given fields changed (the
    others copied from obj), made through __init__."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot "
                                 "be specified with replace()")
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
                   match_args=True, kw_only=False, slots=False, weakref_slot=False,
                   module=None):
    """Make a dataclass named cls_name from fields: names, (name, type) or
    (name, type, Field) items; a field without a type is typing.Any."""
    namespace = {} if namespace is None else dict(namespace)
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f"Invalid field: {item!r}")
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f"Field names must be valid identifiers: {name!r}")
        if keyword.iskeyword(name):
            raise TypeError(f"Field names must not be keywords: {name!r}")
        if name in seen:
            raise TypeError(f"Field name duplicated: {name!r}")
        seen.add(name)
        annotations[name] = tp

    def fill(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns["__annotations__"] = annotations

    cls = types.new_class(cls_name, bases, {}, fill)
    if module is not None:
        cls.__module__ = module
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen, match_args=match_args,
                     kw_only=kw_only, slots=slots, weakref_slot=weakref_slot)
