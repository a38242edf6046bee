# Covers: dataclasses options: kw_only and KW_ONLY, errors for mutable
# defaults and field order, eq=False, the __hash__ rules, unsafe_hash,
# inheritance, slots, make_dataclass, field repr/compare/metadata, match
# statements, recursive repr, __doc__.
from dataclasses import *
from typing import ClassVar, List
import dataclasses
@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1), K.__match_args__)
@dataclass
class K2:
    a: int
    _: KW_ONLY
    b: int
    c: int = 3
print(K2(1, b=2), K2.__match_args__, K2.__doc__)
try: K2(1, 2)
except TypeError as e: print("TypeError", e)
try:
    @dataclass
    class Bad:
        a: list = []
except ValueError as e: print("ValueError", e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e: print("TypeError", e)
@dataclass(eq=False)
class NE:
    a: int
print(NE(1) == NE(1), NE(1).__hash__ is not None)
@dataclass
class H: 
    a: int
print(H.__hash__)
@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: int = field(hash=False)
print(hash(UH(1, 2)) == hash(UH(1, 3)))
@dataclass
class Child(P):
    z: int = 7
print(Child(1), [f.name for f in fields(Child)])
@dataclass(slots=True)
class S:
    a: int
    b: int = 2
s = S(1); print(s, S.__slots__)
try: s.c = 3
except AttributeError as e: print("AttributeError")
M = make_dataclass("M", ["a", ("b", int), ("c", int, field(default=5))], namespace={"double": lambda self: self.b * 2})
m = M(1, 2); print(m, m.double(), M.__module__)
@dataclass
class R:
    name: str
    children: list = field(default_factory=list, repr=False, compare=False)
    meta: dict = field(default_factory=dict, metadata={"unit": "x"})
print(R("a"), R("a", [1]) == R("a", [2]), fields(R)[2].metadata["unit"], fields(R)[1].repr)
match P(1, 2):
    case P(x, y):
        print("matched", x, y)
print(MISSING is dataclasses.MISSING, repr(field(default=1).default), InitVar[int])
@dataclass
class Rec:
    items: list = field(default_factory=list)
r = Rec(); r.items.append(r); print(r)
