"""Abstract base classes (PEP 3119), written for weft.

An ABCMeta class keeps the names of its abstract methods in
__abstractmethods__ and refuses to be instantiated while any remain; other
classes can be registered as its virtual subclasses, and a
__subclasshook__ classmethod may decide membership by itself.
"""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod",
           "abstractstaticmethod", "abstractproperty", "get_cache_token",
           "update_abstractmethods"]


def abstractmethod(funcobj):
    """Mark a method abstract: an ABCMeta class that has it (and does not
    override it) cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A classmethod that is abstract (deprecated: stack classmethod and
    abstractmethod instead)."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A staticmethod that is abstract (deprecated: stack staticmethod and
    abstractmethod instead)."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A property that is abstract (deprecated: stack property and
    abstractmethod instead)."""
    __isabstractmethod__ = True


# One counter for every ABC: each register() call bumps it, which is what
# tells a negative cache entry it may be stale.
_registrations = [0]


def get_cache_token():
    """A token that changes whenever a virtual subclass is registered on
    any ABC."""
    return _registrations[0]


def _abstract_names(cls, own):
    # Abstract names: those marked in the class body, plus those inherited
    # that the class still resolves to something abstract.
    names = set()
    for name, value in own.items():
        if getattr(value, "__isabstractmethod__", False):
            names.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if getattr(getattr(cls, name, None), "__isabstractmethod__", False):
                names.add(name)
    return frozenset(names)


class ABCMeta(type):
    """The metaclass of abstract base classes.

    Subclass an ABC to reuse its mixin methods, or call its register()
    to make an unrelated class count as a subclass for isinstance() and
    issubclass() without inheriting anything.
    """

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstract_names(cls, namespace)
        cls._abc_registry = []
        cls._abc_yes = set()
        cls._abc_no = set()
        cls._abc_no_token = _registrations[0]
        cls._abc_children = []
        # Every ABC above this one learns of it, so a class registered here
        # is a virtual subclass of those too.
        for base in cls.__mro__[1:]:
            children = base.__dict__.get("_abc_children")
            if children is not None:
                children.append(cls)
        return cls

    def __call__(cls, *args, **kwargs):
        missing = cls.__abstractmethods__
        if missing:
            names = sorted(missing)
            plural = "s" if len(names) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract method{plural} {', '.join(names)}")
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Make `subclass` a virtual subclass of this ABC; returns it, so
        register can decorate a class."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _registrations[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        kind = type(instance)
        if kind in cls._abc_yes:
            return True
        claimed = getattr(instance, "__class__", kind)
        if claimed is kind or not isinstance(claimed, type):
            return cls.__subclasscheck__(kind)
        return cls.__subclasscheck__(claimed) or cls.__subclasscheck__(kind)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if subclass in cls._abc_yes:
            return True
        if cls._abc_no_token != _registrations[0]:
            cls._abc_no = set()
            cls._abc_no_token = _registrations[0]
        elif subclass in cls._abc_no:
            return False
        answer = _decide(cls, subclass)
        (cls._abc_yes if answer else cls._abc_no).add(subclass)
        return answer

    def _dump_registry(cls, file=None):
        """Print this ABC's registry and caches (a debugging aid)."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        print(f"_abc_registry: {cls._abc_registry!r}", file=file)
        print(f"_abc_cache: {cls._abc_yes!r}", file=file)
        print(f"_abc_negative_cache: {cls._abc_no!r}", file=file)

    def _abc_registry_clear(cls):
        """Forget every registered virtual subclass."""
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        """Forget every cached answer."""
        cls._abc_yes.clear()
        cls._abc_no.clear()


def _decide(cls, subclass):
    # The hook speaks first; then real inheritance, then registrations on
    # this ABC or on any ABC below it.
    hook = getattr(cls, "__subclasshook__", None)
    if hook is not None:
        verdict = hook(subclass)
        if verdict is not NotImplemented:
            return bool(verdict)
    if cls in subclass.__mro__:
        return True
    for abc in [cls] + cls._abc_children:
        for registered in abc._abc_registry:
            if issubclass(subclass, registered):
                return True
    return False


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added to or
    removed from an ABC class (by a class decorator, say); returns cls."""
    if hasattr(cls, "__abstractmethods__"):
        cls.__abstractmethods__ = _abstract_names(cls, dict(vars(cls)))
    return cls


class ABC(metaclass=ABCMeta):
    """Base class for ABCs: `class Shape(ABC): ...` instead of naming the
    metaclass."""
    __slots__ = ()
