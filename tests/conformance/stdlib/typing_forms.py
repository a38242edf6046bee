# Covers: typing: special forms and their reprs, generic aliases, TypeVar,
# Generic, Protocol with runtime_checkable, NamedTuple, TypedDict, NewType,
# get_origin/get_args/get_type_hints, overload, Union and | equality.
from typing import *
import typing
print(Any, Optional[int], Union[int, str], Union[int, None], Union[int, str, None], Union[int])
print(List[int], Dict[str, int], Tuple[int, ...], Tuple[()], Tuple[int, str], Set[bytes], FrozenSet[int], Type[int])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None], Iterable[int], Iterator[str], Generator[int, None, None])
print(Awaitable[int], Coroutine[None, None, int], Sequence[int], Mapping[str, int], List, Dict, Callable, Tuple)
print(Literal[1, "a", True], Final[int], ClassVar[List[int]], Annotated[int, "meta", 3], NoReturn, Never, Self, LiteralString)
T = TypeVar("T"); K = TypeVar("K", bound=str); C = TypeVar("C", covariant=True); N = TypeVar("N", int, float)
print(T, K, C, N, T.__name__, K.__bound__, N.__constraints__, List[T], Dict[K, T][str, int])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]), get_args(Callable[[int], str]), get_origin(Annotated[int, "x"]), get_args(Annotated[int, "x"]), get_origin(int | str), get_args(int | str), get_origin(int), get_args(int), get_origin(List), get_args(Literal[1, 2]))
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
    def get(self) -> T: return self.v
print(Box[int], Box.__parameters__, Box[int](5).get(), Box[int](5).__orig_class__, Box.__mro__)
class Pair(Generic[K, T]): pass
print(Pair[str, int], Pair.__parameters__)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer), issubclass(F, Closer))
class NR(Protocol):
    def x(self): ...
try: isinstance(F(), NR)
except TypeError as e: print("TypeError", e)
try: NR()
except TypeError as e: print("TypeError", e)
class P(NamedTuple):
    x: int
    y: str = "d"
    def show(self): return f"{self.x}/{self.y}"
p = P(1)
print(p, p.show(), P._fields, P.__annotations__, P._field_defaults, isinstance(p, tuple))
Q = NamedTuple("Q", [("a", int), ("b", float)]); print(Q(1, 2.0), Q.__annotations__)
class Movie(TypedDict):
    name: str
    year: int
class Part(TypedDict, total=False):
    extra: bool
m = Movie(name="x", year=1)
print(m, type(m), Movie.__required_keys__ == {"name", "year"}, Part.__optional_keys__, Part.__total__, Movie.__annotations__, is_typeddict(Movie))
UserId = NewType("UserId", int); print(UserId(5), UserId, UserId.__supertype__)
print(cast(int, "x"), TYPE_CHECKING, Text, AnyStr)
def f(a: int, b: "str" = "x", c: Optional["List[int]"] = None) -> "Dict[str, int]": pass
print(get_type_hints(f))
class H:
    a: int
    b: "List[str]"
    c: ClassVar[int] = 1
class H2(H):
    d: Annotated[float, "unit"]
print(get_type_hints(H2), get_type_hints(H2, include_extras=True))
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(3), len(get_overloads(g)))
print(isinstance(3, Union[int, str]), Union[int, str] == Union[str, int], Optional[int] == Union[int, None], Union[int, str] == (int | str))
print(int | List[int], List[int] | None, Optional[List[int]])
try: isinstance([], List[int])
except TypeError as e: print("TypeError", e)
try: Union[int, 1]
except TypeError as e: print("TypeError", e)
print(isinstance([], List), isinstance({}, Mapping), issubclass(list, Sequence), isinstance(3, Hashable), isinstance(iter([]), Iterator))
print(SupportsInt, isinstance(3.5, SupportsInt), isinstance("x", SupportsInt), SupportsAbs[int])
@final
class Fin: pass
print(Fin.__final__, reveal_type is not None, assert_type(3, int))
print(ParamSpec("P"), ParamSpec("P").args, Concatenate[int, ParamSpec("Q")], TypeVarTuple("Ts"), Unpack[TypeVarTuple("Ts")])
print(Deque[int], DefaultDict[str, int], OrderedDict[str, int], Counter[str], ChainMap[str, int], ContextManager[int], AbstractSet[int])
