# Covers: json.loads values (nested containers, escapes, surrogate pairs,
# big ints, exponents, NaN/Infinity), bytes input, the hooks (object_hook,
# object_pairs_hook, parse_float, parse_int, parse_constant), strict,
# JSONDecoder.decode/raw_decode, a round trip, dump/load on a file object.
import json

doc = '{"a": [1, 2.5, null, true, false, "x\\u00e9\\ud83d\\ude00\\n\\t\\"\\/"], "b": -12e3, "c": 123456789012345678901234567890, "d": {"e": []}}'
v = json.loads(doc)
print(ascii(v))
print(json.loads("[NaN, Infinity, -Infinity, -0, 0.5e-3, 1E2]"))
print(json.loads(' "str" '), json.loads(b'[1]'), json.loads(bytearray(b'{"k": 1}')))
print(json.loads('{"a": 1.5}', parse_float=str), json.loads("[1, 2]", parse_int=float))
print(json.loads("[NaN]", parse_constant=repr))
print(json.loads('{"a": 1, "b": 2, "a": 3}'))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('"a\tb"', strict=False) == "a\tb")

dec = json.JSONDecoder()
print(dec.decode(' [1, {"x": null}] '))
print(dec.raw_decode('[1, 2] tail'), dec.raw_decode('xx {"k": 5} yy', 3))
print(ascii(dec.raw_decode('  \u00e9 [1]', 4)))

records = [{"id": i, "name": "item %d" % i, "tags": ["t%d" % (i % 3)],
            "price": i / 4, "ok": i % 2 == 0, "note": None} for i in range(5)]
text = json.dumps(records, sort_keys=True)
print(json.loads(text) == records, len(text))


class Buf:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def read(self):
        return "".join(self.parts)


b = Buf()
json.dump({"k": [1, 2]}, b, indent=1)
print(repr(b.read()), json.load(b))
try:
    json.loads(42)
except TypeError as e:
    print("TypeError:", e)
