# Covers: binascii hexlify/unhexlify (with sep and bytes_per_sep),
# b2a_hex/a2b_hex, b2a_base64/a2b_base64 (newline, strict_mode), crc32
# (with a running value), crc_hqx, b2a_uu/a2b_uu, and binascii.Error.
import binascii

print(binascii.hexlify(b"\x01\xff"), binascii.hexlify(b"\x01\x02\x03", "-"))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", ":", 2), binascii.hexlify(b"\x01\x02\x03\x04\x05", b" ", -2))
print(binascii.b2a_hex(b"z"), binascii.a2b_hex(b"7a"), binascii.unhexlify("01ff"), binascii.unhexlify(b"ABcd"))
print(binascii.crc32(b"hello"), binascii.crc32(b"world", binascii.crc32(b"hello")), binascii.crc32(b""), binascii.crc32(b"a", 2**40))
print(binascii.crc_hqx(b"abc", 0), binascii.crc_hqx(b"abc", 0xFFFF))
print(binascii.b2a_base64(b"xy"), binascii.b2a_base64(b"xyz", newline=False), binascii.a2b_base64(b"eHk=\n"))
print(binascii.a2b_base64(b"eH k="), binascii.a2b_base64("eHk="), binascii.a2b_base64(b"eHk=extra"))
print(binascii.b2a_uu(b"hello"), binascii.a2b_uu(binascii.b2a_uu(b"hello")), binascii.b2a_uu(b"", backtick=True))
print(binascii.a2b_uu(b""), binascii.b2a_uu(bytes(range(45)))[:20])
for call in [lambda: binascii.unhexlify("0"), lambda: binascii.unhexlify("zz"),
             lambda: binascii.a2b_base64(b"abc"), lambda: binascii.a2b_base64(b"a"),
             lambda: binascii.a2b_base64(b"ab!c", strict_mode=True),
             lambda: binascii.a2b_base64(b"ab==c", strict_mode=True),
             lambda: binascii.a2b_base64(b"=ab", strict_mode=True),
             lambda: binascii.b2a_uu(b"x" * 46), lambda: binascii.hexlify(b"ab", "--")]:
    try:
        print(call())
    except (binascii.Error, ValueError) as e:
        print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError), binascii.Incomplete.__mro__[1].__name__)
