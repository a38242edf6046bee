# Covers: enum features: auto() for each kind, methods and properties on
# members, tuple values with __init__, _missing_, the functional API,
# member/nonmember, _ignore_, iteration and len, singletons, comparisons,
# members as dict keys, reassignment errors.
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, member, nonmember


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3), Planet.MERCURY.value, Planet((5.976e+24, 6.37814e6)))


class Shape(Enum):
    SQUARE = 2
    CIRCLE = 1

    def describe(self):
        return f"{self.name} has value {self.value}"

    @classmethod
    def favorite(cls):
        return cls.CIRCLE

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.name.lower() == value:
                    return m
        return None


print(Shape.SQUARE.describe(), Shape.favorite(), Shape("square"), Shape(1) is Shape.CIRCLE)
try:
    Shape(7)
except ValueError as e:
    print("ValueError", e)


class Status(Enum):
    NEW = auto()
    PAID = auto()
    SHIPPED = auto()


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RWX = R | W | X if False else 7


class Mode(StrEnum):
    READ = auto()
    WRITE = auto()


print(list(Status), [p for p in Perm], list(Mode), Perm.RWX, Perm.R | Perm.W | Perm.X is Perm.RWX)
print(len(Status), len(Perm), Status.PAID.value, Mode.READ.upper(), Mode.WRITE + "!", Perm.W & Perm.RWX, Perm.R ^ Perm.RWX)
print(Status.NEW == Status.NEW, Status.NEW != Status.PAID, Status.NEW == 1, {Status.NEW: "n"}[Status.NEW], sorted(Status, key=lambda s: -s.value))
try:
    Status.NEW < Status.PAID
except TypeError as e:
    print("TypeError", e)


class Level(IntEnum):
    LOW = 1
    MID = 5
    HIGH = 10


print(Level.LOW < Level.HIGH, sorted([Level.HIGH, Level.LOW, 3]), Level.MID * 2, sum(Level), max(Level), Level(5), Level.HIGH // 3, isinstance(Level.LOW, int))
print([l.name for l in Level], Level["MID"], Level.__members__["HIGH"], int(Level.HIGH), f"{Level.MID:>4}|{Level.MID!r}|{Level.MID!s}")
Animal = Enum("Animal", "ANT BEE CAT")
print(Animal.BEE, list(Animal), Animal(3), Animal.__name__)
Color = Enum("Color", [("RED", "r"), ("GREEN", "g")])
Num = IntEnum("Num", {"ONE": 1, "TWO": 2})
print(list(Color), Num.TWO + 1, list(Enum("Empty", [])))


class Mixed(Enum):
    A = 1
    helper = nonmember(5)
    fn = member(lambda x: x * 2)
    _ignore_ = ["tmp"]
    tmp = 9


print([m.name for m in Mixed], Mixed.helper, Mixed.fn.value(4), hasattr(Mixed, "tmp"))
try:
    Status.NEW = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    del Status.PAID
except AttributeError as e:
    print("AttributeError", e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 2
        C = 1
        D = 2
except ValueError as e:
    print("ValueError", e)


class Base(Enum):
    def shout(self):
        return self.name.upper()


class Sub(Base):
    quiet = 1


print(Sub.quiet.shout(), isinstance(Sub.quiet, Base), type(Sub.quiet).__name__)
try:
    class Bad(Sub):
        more = 2
except TypeError as e:
    print("TypeError", e)
print(Status.NEW.__class__, Status.__class__.__name__, type(Status.PAID) is Status, Status.PAID in Status)
