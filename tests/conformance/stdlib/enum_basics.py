# Covers: enum reprs and strs (Enum, Flag, IntFlag, IntEnum, StrEnum, mixed
# int Enum), aliases, __members__, dir(), lookups and their errors, unique.
from enum import *
class Color(Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1
print(repr(Color.RED), str(Color.RED), f"{Color.RED}", format(Color.RED, ">12"), Color, Color.CRIMSON, list(Color), Color.__members__)
try: print(1 in Color)  # CPython also warns on stderr
except Exception as e: print(type(e).__name__, e)
print(Color.RED in Color, hash(Color.RED) == hash("RED"), Color.RED.__dict__, dir(Color.RED))
print(dir(Color))
class P(Flag):
    R = 4
    W = 2
    X = 1
print(repr(P.R | P.W), str(P.R | P.W), repr(P(0)), str(P(0)), repr(~P.R), list(P.R | P.X), len(P.R|P.W), P(7), bool(P(0)), P.R in (P.R|P.W))
try: P(8)
except Exception as e: print(type(e).__name__, e)
class IP(IntFlag):
    R = 4
    W = 2
print(repr(IP.R | IP.W), str(IP.R|IP.W), IP.R | 8, repr(IP(9)), IP.R + 1, repr(~IP.R), f"{IP.R}")
class I(IntEnum):
    A = 1
    B = 2
print(repr(I.A), str(I.A), f"{I.A}", I.A + 1, I.A == 1, I(2), format(I.B, "03d"), I.__members__)
class S(StrEnum):
    X = auto()
    Y = "yy"
print(repr(S.X), str(S.X), f"{S.Y}", S.X == "x", S("yy"))
class A(Enum):
    a = auto()
    b = auto()
    c = 10
    d = auto()
print(list(A), [m.value for m in A])
try: Color(5)
except ValueError as e: print(e)
try: Color["NOPE"]
except KeyError as e: print(repr(e))
try:
    Color.RED = 5
except AttributeError as e: print(e)
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
print(repr(Flag), repr(P), type(Color), EnumMeta is EnumType)
class Mixed(int, Enum):
    ONE = 1
print(repr(Mixed.ONE), str(Mixed.ONE), f"{Mixed.ONE}")
