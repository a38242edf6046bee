def f(): pass
try:
    f.__name__ = 5
except TypeError as e:
    print(e)
try:
    f.__qualname__ = None
except TypeError as e:
    print(e)
f.__name__ = "g"
print(f.__name__, f.__qualname__)
async def c(): pass
co = c()
print(co.__name__, co.__qualname__)
co.close()
