# Covers: a metaclass's dunders honoured for its classes: __getitem__,
# __repr__, __str__, __iter__, __len__, __contains__, __call__, __or__,
# __eq__/__hash__, __bool__, __setattr__/__delattr__, __instancecheck__,
# __subclasscheck__, __dir__, __prepare__, __mro_entries__.


class Meta(type):
    def __getitem__(cls, key):
        return (cls.__name__, key)

    def __repr__(cls):
        return f"<Meta {cls.__name__}>"

    def __str__(cls):
        return f"str:{cls.__name__}"

    def __iter__(cls):
        return iter(["a", "b"])

    def __len__(cls):
        return 2

    def __contains__(cls, item):
        return item == "a"

    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)

    def __or__(cls, other):
        return ("or", cls.__name__, other)

    def __eq__(cls, other):
        return getattr(other, "__name__", None) == cls.__name__

    def __hash__(cls):
        return hash(cls.__name__)

    def __bool__(cls):
        return False

    def __setattr__(cls, name, value):
        print("set", name)
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        print("del", name)
        super().__delattr__(name)

    def __instancecheck__(cls, obj):
        return obj == 42

    def __subclasscheck__(cls, sub):
        return sub is int

    def __dir__(cls):
        return ["zeta", "alpha"]


class Thing(metaclass=Meta):
    def __init__(self, v=0):
        self.v = v


print(Thing["k"], repr(Thing), str(Thing), f"{Thing!r}", [Thing])
print(list(Thing), len(Thing), "a" in Thing, "z" in Thing)
print(Thing(5).v, Thing | 1, bool(Thing), not Thing)
print({Thing: 1}[Thing], Thing == Thing)
Thing.extra = 1
print(Thing.extra)
del Thing.extra
print(hasattr(Thing, "extra"), isinstance(42, Thing), isinstance(41, Thing))
print(issubclass(int, Thing), issubclass(str, Thing), dir(Thing))


class Recorder(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": "yes"}

    def __new__(mcs, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcs, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)


class R(metaclass=Recorder, flag=1):
    own = 1


print(R.injected, type(R).__name__)


class Sub(R, flag=2):
    pass


class Entry:
    def __mro_entries__(self, bases):
        print("mro_entries", len(bases))
        return (dict,)


class FromEntry(Entry()):
    pass


print(FromEntry.__mro__, FromEntry.__orig_bases__[0].__class__.__name__)
