# Covers: base64 b64 (standard, urlsafe, altchars, validate), b32, b32hex,
# b16, b85, a85 (adobe, foldspaces, wrapcol), encodebytes/decodebytes and
# binascii.Error messages for bad input.
import base64
import binascii

data = bytes(range(0, 256, 7))
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.standard_b64encode, base64.standard_b64decode), (base64.b32encode, base64.b32decode),
                 (base64.b32hexencode, base64.b32hexdecode), (base64.b16encode, base64.b16decode),
                 (base64.b85encode, base64.b85decode), (base64.a85encode, base64.a85decode)]:
    e = enc(data)
    print(enc.__name__, e, dec(e) == data)
for n in range(6):
    print(n, base64.b64encode(b"x" * n), base64.b32encode(b"x" * n), base64.b85encode(b"x" * n), base64.a85encode(b"x" * n))
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode("-_8=", altchars="-_"), base64.b64decode("aGk="))
print(base64.b64decode(b"aG k=\n"), base64.b32decode("mfra====", casefold=True), base64.b16decode("0aff", casefold=True))
print(base64.a85encode(b"hello world", adobe=True), base64.a85decode(b"<~BOu!rD]j7BEbo7~>", adobe=True))
print(base64.a85encode(b"    ", foldspaces=True), base64.a85encode(b"\0" * 8), base64.a85encode(b"x" * 30, wrapcol=10))
print(base64.encodebytes(b"x" * 60), base64.decodebytes(b"eHh4\n"))
for call in [lambda: base64.b64decode("abc"), lambda: base64.b64decode("a"),
             lambda: base64.b64decode("ab!c", validate=True), lambda: base64.b32decode("abc"),
             lambda: base64.b32decode("MFRA====", casefold=False) and base64.b32decode("1234567="),
             lambda: base64.b16decode("0g"), lambda: base64.b64decode("\u00e9")]:
    try:
        print(call())
    except (binascii.Error, ValueError) as e:
        print(type(e).__name__, e)
try:
    base64.b64encode("text")
except TypeError as e:
    print("TypeError", e)
