# Covers: list[int] and friends (types.GenericAlias), X | Y (types.UnionType),
# isinstance with unions, user classes with __class_getitem__.
import types

t = list[int]
print(t, t.__origin__, t.__args__, type(t) is types.GenericAlias)
print(dict[str, list[int]], tuple[int, ...], tuple[()], set[bytes], frozenset[str])
print(type[int], list[int] == list[int], list[int] == list[str], list[int] == list)
print(t([1, 2]), dict[str, int](a=1))
print(hash(list[int]) == hash(list[int]))
u = int | None
print(u, type(u) is types.UnionType, u.__args__)
print(int | str | float, (int | str) | (float | int), int | int)
print(list[int] | None, None | dict[str, int])
print(isinstance(3, int | str), isinstance("a", int | str), isinstance(None, int | None))
print(isinstance(2.5, (int | str, float)), issubclass(bool, int | str))
print((int | str) == (str | int), hash(int | str) == hash(str | int))
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError", e)
try:
    int | "str"
except TypeError as e:
    print("TypeError", e)
try:
    int[str]
except TypeError as e:
    print("TypeError", e)


class Box:
    def __class_getitem__(cls, item):
        return f"Box of {item.__name__}"


print(Box[int])


class Alias:
    __class_getitem__ = classmethod(types.GenericAlias)


a = Alias[int, str]
print(a, a.__origin__ is Alias, a.__args__)


class MyList(list[int]):
    pass


print(MyList.__bases__, MyList.__orig_bases__, MyList([1, 2]))


def f(x: list[str] | None = None) -> dict[str, int | None]:
    return {}


print(f.__annotations__)
print(list[int].__mro__, list[int].__name__)
