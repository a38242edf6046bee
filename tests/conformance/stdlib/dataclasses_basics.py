# Covers: dataclasses: generated __init__/__repr__/__eq__, field defaults and
# default_factory, ClassVar skipped, order and frozen, FrozenInstanceError,
# InitVar with __post_init__, asdict/astuple/replace/fields/is_dataclass.
from dataclasses import *
from typing import ClassVar, List
import dataclasses
@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    count: ClassVar[int] = 0
p = P(1)
print(p, P(1, 2, ["a"]), p == P(1), p != P(2), P.__doc__, P.count, fields(P)[0].name, [f.name for f in fields(p)])
print(asdict(P(3, 4, [P(5)])), astuple(P(3)), replace(p, y=9), is_dataclass(P), is_dataclass(p), is_dataclass(1))
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = "z"
v = V(1)
print(v < V(2), V(1, "a") < V(1, "b"), sorted([V(3), V(1), V(2)]), hash(v) == hash(V(1)), {v: 1}[V(1)])
try: v.a = 5
except FrozenInstanceError as e: print("FrozenInstanceError", e)
try: del v.a
except FrozenInstanceError as e: print("FrozenInstanceError", e)
@dataclass
class Q:
    a: int
    b: InitVar[int] = 3
    c: int = field(init=False)
    def __post_init__(self, b):
        self.c = self.a * b
q = Q(2); print(q, Q(2, 5).c, [f.name for f in fields(Q)])
try: replace(q, a=1)
except ValueError as e: print("ValueError", e)
