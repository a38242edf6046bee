# A first weft program: functions, classes, generators and f-strings.

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b


class Greeter:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Greeter({self.name!r})"

    def greet(self):
        return f"Hello, {self.name}!"


print(Greeter("weft").greet())
print("first Fibonacci numbers:", list(fib(10)))
print({n: n * n for n in range(5)})
