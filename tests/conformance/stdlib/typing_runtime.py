from typing import (Protocol, runtime_checkable, TypedDict, NamedTuple, get_type_hints,
                    Literal, Final, Annotated, overload, TypeVar, Generic, Optional, Union,
                    List, Dict, Callable, ClassVar, Any, get_origin, get_args, cast, NoReturn,
                    Tuple, Sequence, Iterable, TYPE_CHECKING, NewType, Type)
import typing

@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...

class File:
    def close(self): pass
class Nope:
    pass
print(isinstance(File(), Closable), isinstance(Nope(), Closable), issubclass(File, Closable))

class SupportsArea(Protocol):
    def area(self) -> float: ...
try:
    isinstance(File(), SupportsArea)
except TypeError as e:
    print('TypeError', e)

class Movie(TypedDict):
    title: str
    year: int
class Partial(TypedDict, total=False):
    rating: float
m = Movie(title='Blade Runner', year=1982)
print(m, type(m) is dict, Movie.__required_keys__ == {'title', 'year'}, Partial.__optional_keys__)
print(Movie.__annotations__ == {'title': str, 'year': int}, Movie.__total__, Partial.__total__)
Point2 = TypedDict('Point2', {'x': int, 'y': int})
print(Point2(x=1, y=2))

class Employee(NamedTuple):
    name: str
    id: int = 3
e = Employee('Guido')
print(e, e.id, Employee._fields, Employee._field_defaults, e._replace(id=9), e._asdict())
print(Employee.__annotations__)
P = NamedTuple('P', [('x', int), ('y', float)])
print(P(1, 2.0), P._fields)

def greet(name: str, times: 'int' = 1) -> Optional[str]:
    return None
print(get_type_hints(greet))
class Hinted:
    a: int
    b: 'List[str]'
    c: ClassVar[int] = 0
print(get_type_hints(Hinted))
def ann(x: Annotated[int, 'meta']) -> None: ...
print(get_type_hints(ann), get_type_hints(ann, include_extras=True))

print(Literal['a', 'b'], Literal[1], Final[int], Final, Annotated[int, 'units'], ClassVar[str])
print(get_origin(Literal['a']), get_args(Literal['a', 'b']), get_args(Annotated[int, 'x', 'y']))
print(Optional[int], Union[int, str], Union[int, None], List[int], Dict[str, List[int]])
print(Callable[[int, str], bool], Callable[..., int], Tuple[int, ...], Type[int])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]) is Union)

@overload
def conv(x: int) -> int: ...
@overload
def conv(x: str) -> str: ...
def conv(x):
    return x
print(conv(3), conv('s'))
try:
    @overload
    def only(x: int) -> int: ...
    only(1)
except NotImplementedError as e:
    print('NotImplementedError', e)
print(len(typing.get_overloads(conv)))

T = TypeVar('T')
N = TypeVar('N', int, float)
B = TypeVar('B', bound='Comparable')
print(T, N, B, N.__constraints__, B.__bound__, T.__name__)
K = TypeVar('K', covariant=True)
print(K, TypeVar('C', contravariant=True))

class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
print(Box[int], Box(5).get(), Box.__parameters__, Box[int].__origin__ is Box, get_args(Box[str]))
class IntBox(Box[int]):
    pass
print(IntBox(3).get(), IntBox.__orig_bases__, IntBox.__mro__[1] is Box)
KT = TypeVar('KT'); VT = TypeVar('VT')
class Pair(Generic[KT, VT]):
    pass
print(Pair[str, int], Pair.__parameters__)
try:
    Box[int, str]
except TypeError as e:
    print('TypeError', e)

UserId = NewType('UserId', int)
print(UserId(5), UserId, UserId.__supertype__)
print(cast(int, 'not really'), TYPE_CHECKING, Any, NoReturn)
print(typing.Sequence[int], isinstance([], Sequence), isinstance({}, Iterable))
