import abc

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
    def describe(self):
        return '%s with area %s' % (self.name, self.area())

try:
    Shape()
except TypeError as e:
    print('TypeError', e)

class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print('TypeError', e)

class Square(Half):
    @property
    def name(self): return 'square'
print(Square().describe(), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)
print(isinstance(Square(), Shape), issubclass(Square, abc.ABC), type(Shape) is abc.ABCMeta)

class Base(metaclass=abc.ABCMeta):
    @classmethod
    @abc.abstractmethod
    def make(cls): ...
    @staticmethod
    @abc.abstractmethod
    def helper(): ...
print(sorted(Base.__abstractmethods__))

class Sized(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return hasattr(C, '__len__')
        return NotImplemented
print(isinstance([], Sized), isinstance(3, Sized), issubclass(dict, Sized))

class Registry(abc.ABC):
    pass
Registry.register(int)
@Registry.register
class Other: pass
print(isinstance(5, Registry), issubclass(Other, Registry), isinstance('x', Registry), Other.__name__)
print(issubclass(bool, Registry))

class Late(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
class Impl(Late):
    pass
Impl.f = lambda self: 1
abc.update_abstractmethods(Impl)
print(Impl().f(), Impl.__abstractmethods__)
print(abc.get_cache_token() is not None)
print(getattr(Shape.area, '__isabstractmethod__', False), getattr(Square.area, '__isabstractmethod__', False))

class A(abc.ABC):
    @abc.abstractmethod
    def go(self):
        return 'base go'
class B(A):
    def go(self):
        return 'B ' + super().go()
print(B().go())
