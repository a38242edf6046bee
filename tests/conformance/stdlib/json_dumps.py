# Covers: json.dumps output byte for byte: key types, float repr,
# NaN/Infinity, escapes with and without ensure_ascii, indent (int and str),
# sort_keys, separators, skipkeys, default, cls, circular references.
import json

d = {"a": [1, 2.5, None, True, False], "b": {"x": "y\n\"\u00e9\u2603\U0001F600"},
     "c": 1e100, "d": -0.0, "e": 10**30, 3: "int key", 1.5: "f", None: 1, True: 2}
print(json.dumps(d))
print(ascii(json.dumps(d, ensure_ascii=False)))
print(json.dumps(d, indent=2))
print(json.dumps({"b": 1, "a": [1, {"z": [], "y": {}}]}, indent="\t", sort_keys=True))
print(json.dumps([1, 2, {"k": "v"}], separators=(",", ":")))
print(json.dumps([[]], indent=2), json.dumps({"a": {}}, indent=0))
print(json.dumps(float("nan")), json.dumps(float("inf")), json.dumps(-float("inf")))
print(json.dumps(1.0), json.dumps(1 / 3), json.dumps(1e-7), json.dumps(123456789.0))
print(json.dumps("\u2028\x7f\x1f\b\f\t\r\\/"), ascii(json.dumps("\u2028\x7f", ensure_ascii=False)))
print(json.dumps((1, 2)), json.dumps("plain"), json.dumps(None))
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
print(json.dumps({"s": {3, 1, 2}}, default=sorted))
print(json.dumps({"b": 2, "a": 1, "c": [3]}, sort_keys=True, indent=1))


class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)


print(json.dumps([1j, 2], cls=E), E(indent=1).encode({"a": 2j}))
print("".join(E(sort_keys=True).iterencode({"z": 1, "a": 2j})))

try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps([1j], cls=E.__base__)
except TypeError as e:
    print("TypeError:", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
d2 = {}
d2["self"] = d2
try:
    json.dumps(d2)
except ValueError as e:
    print("ValueError:", e)
