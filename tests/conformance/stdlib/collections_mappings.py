# Covers: defaultdict, OrderedDict (move_to_end, popitem(last=), views,
# equality), ChainMap, UserDict/UserList/UserString.
from collections import defaultdict, OrderedDict, ChainMap, UserDict, UserList, UserString

dd = defaultdict(list); dd["a"].append(1); dd["b"]; print(dd, dict(dd), dd.default_factory)
di = defaultdict(int)
for w in "a b a c".split():
    di[w] += 1
print(sorted(di.items()), repr(defaultdict(None)), di.copy(), "zz" in di, di.get("zz"))
try:
    defaultdict(None)["x"]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)
nested = defaultdict(lambda: defaultdict(int)); nested["x"]["y"] += 1; print(nested["x"]["y"], len(nested))
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a"); print(od); od.move_to_end("c", last=False); print(od)
print(od.popitem(), od.popitem(last=False), od, od.keys(), od.items(), od.values())
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), OrderedDict())
lru = OrderedDict()
for k in [1, 2, 3, 1, 4, 2, 5]:
    if k in lru:
        lru.move_to_end(k)
    else:
        lru[k] = k * 10
        if len(lru) > 3:
            lru.popitem(last=False)
print(lru, list(lru), next(iter(lru)), list(reversed(lru)))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
print(OrderedDict.fromkeys("ab", 0), OrderedDict(a=1) | {"b": 2}, isinstance(od, dict))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm, cm.new_child({"z": 0}), cm.parents)
cm["c"] = 4; print(cm.maps, "b" in cm, cm.get("q", 7), list(cm.items()))
try:
    del cm["b"]
except KeyError as e:
    print("KeyError", e)
class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
ld = Lower({"A": 1}); ld["B"] = 2; print(ld, ld["a"], len(ld), "b" in ld, ld.data)
ul = UserList([3, 1, 2]); ul.append(0); ul.sort(); print(ul, ul[1:], len(ul), ul + [9], type(ul[1:]).__name__)
us = UserString("Hello"); print(us.upper(), us + "!", len(us), us[1:3], "ell" in us, us.find("l"), type(us.lower()).__name__)
