# Covers: JSONDecodeError for malformed documents: CPython's messages and
# msg/pos/lineno/colno (code-point positions), "Extra data", control
# characters, bad escapes, BOM, and that it is a ValueError.
import json

bad_docs = ['', ' ', '[1,', '{"a" 1}', '{"a": 1,}', '[1 2]', '{a: 1}', '"abc',
            '"a\\qb"', '[1] x', '\n\n  [tru]', '"\x01"', '"\\u12"', '{"\u00e9": ]',
            '-', '01', '[1,]', '{"a": 1 "b": 2}', 'nul', '[-]', '{"a":}',
            '\ufeff[1]', '[1, 2]\n\n]', '"\\ud83d\\u12x"']
for doc in bad_docs:
    try:
        json.loads(doc)
        print("no error for", ascii(doc))
    except json.JSONDecodeError as e:
        print(ascii(doc), "->", e)
        print("   ", e.msg, e.pos, e.lineno, e.colno, e.doc == doc)

try:
    json.loads("[1, 2")
except ValueError as e:
    print(type(e).__name__, isinstance(e, ValueError), e.args)

e = json.JSONDecodeError("Boom", "ab\ncd\nef", 4)
print(e, e.lineno, e.colno)
try:
    json.JSONDecoder().raw_decode(" [1]")
except json.JSONDecodeError as e:
    print(e)
