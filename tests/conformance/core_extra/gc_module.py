import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
class Node:
    def __init__(self):
        self.me = self
for i in range(1000):
    Node()
n = gc.collect()
print(type(n).__name__, n >= 0)
print(isinstance(gc.get_count(), tuple), len(gc.get_count()))
print(gc.collect(0) >= 0, gc.collect(generation=2) >= 0)
try:
    gc.collect(1, 2)
except TypeError as e:
    print("TypeError")
x = [list(map(lambda _: gc.collect(), range(3)))]
print(len(x[0]))
