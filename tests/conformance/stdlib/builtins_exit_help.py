# exit / quit (site's Quitter objects) and help() on functions, classes
# and a module defined here.
import sys



def add(a, b=1, *rest, key=None, **extra):
    """Add things.

    Longer text, indented
        like this.
    """
    return a + b


async def fetch(url, /, timeout: float = 1.0) -> bytes:
    pass


class Shape:
    """A shape."""
    sides = 0

    def __init__(self, name, scale=1):
        self.name = name

    def area(self):
        """The area."""
        return 0

    def __repr__(self):
        return 'Shape()'

    @property
    def label(self):
        """Its label."""
        return self.name

    @staticmethod
    def unit():
        pass

    @classmethod
    def make(cls, n):
        """Make one."""
        return cls(n)


class Square(Shape):
    sides = 4

    def area(self):
        return 1

    def __eq__(self, other):
        return True


help(add)
help(fetch)
help(lambda x, y=2: x)
help(len)
help(print)
help(Shape)
help(Square)
help(Shape('x').area)
help(sys.modules[__name__].add)
help('len')
print(repr(exit), repr(quit), repr(help), sep='\n')
# exit() closes sys.stdin, as site's Quitter does: last.
for q, arg in ((exit, ()), (quit, (3,)), (exit, ('bye',))):
    try:
        q(*arg)
    except SystemExit as e:
        print(type(e).__name__, repr(e.code), e.args)
print(type(exit).__name__, callable(exit), callable(help))
