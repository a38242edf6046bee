# Covers: struct pack/unpack/calcsize with every format char, byte orders,
# native alignment, s/p strings, half floats, Struct objects, pack_into,
# unpack_from (negative offsets), iter_unpack, and struct.error messages.
import struct

print(struct.pack('<hHiIqQ', -2, 65535, -3, 4000000000, -(2**63), 2**64 - 1))
print(struct.unpack('<hHiIqQ', struct.pack('<hHiIqQ', -2, 65535, -3, 4000000000, -(2**63), 2**64 - 1)))
print(struct.pack('>d f e', 1.5, -2.25, 0.333), struct.unpack('>dfe', struct.pack('>dfe', 1.5, -2.25, 0.333)))
print(struct.pack('@bhiq', 1, 2, 3, 4), struct.pack('=bhiq', 1, 2, 3, 4), struct.pack('!I', 1))
print(struct.pack('<lLnN', -1, 1, -5, 5) if False else struct.pack('lLnNP', -1, 1, -5, 5, 8))
print(struct.calcsize('@bhiq'), struct.calcsize('<bhiq'), struct.calcsize('P?e'), struct.calcsize('bxq0q'), struct.calcsize('3s2x4p'))
print(struct.pack('5s2p?c', b'abcdefg', b'xyz', True, b'!'), struct.unpack('5s2p?c', b'abcde\x01x\x01!'))
print(struct.pack('5p', b'ab'), struct.unpack('5p', b'\x09abcd'), struct.pack('?', 5), struct.unpack('??', b'\x00\x05'))
print(struct.pack('<e', 1.5), struct.unpack('<e', b'\x00\x7c'), struct.pack('<e', 65519.0), struct.pack('<e', 1e-8))
print(struct.pack('<e', 6.1e-5), struct.pack('<e', 5.96e-8), struct.pack('<e', -0.0), struct.pack('<f', 0.1))
print(struct.pack('3B', 1, 2, 3), struct.unpack('<4b', b'\xff\x7f\x80\x00'), struct.pack('<Q', 2**63))
s = struct.Struct('<2i')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00\x00\x00'))
print(list(s.iter_unpack(bytes(range(16)))), list(struct.iter_unpack('<H', b'\x01\x00\x02\x00')))
b = bytearray(10)
struct.pack_into('<h', b, 2, 513)
s.pack_into(b, 6, -1, 0) if False else struct.pack_into('<b', b, -1, -2)
print(b, struct.unpack_from('<h', b, 2), struct.unpack_from('<h', b, offset=-8), s.unpack_from(bytes(9), 1))
for f, v in [('<h', 70000), ('h', -70000), ('B', 256), ('b', 200), ('H', -1), ('<I', -1), ('<I', 2**32),
             ('I', 2**32), ('<i', 2**31), ('<l', 2**31), ('q', 2**63), ('>q', 2**63), ('Q', -1),
             ('h', 'x'), ('f', 'x'), ('c', b'ab'), ('s', 'x'), ('h', 1.5)]:
    try:
        struct.pack(f, v)
    except struct.error as e:
        print(f, "error:", e)
for call in [lambda: struct.pack('<e', 1e10), lambda: struct.pack('<f', 1e300),
             lambda: struct.calcsize('y'), lambda: struct.calcsize('3'),
             lambda: struct.pack('hh', 1), lambda: struct.unpack('hh', b'1'),
             lambda: struct.unpack_from('h', b'abc', 2), lambda: struct.pack_into('h', bytearray(3), 2, 1),
             lambda: struct.iter_unpack('h', b'abc'), lambda: struct.iter_unpack('', b'abc'),
             lambda: struct.unpack_from('h', b'abc', -5), lambda: struct.calcsize('<P')]:
    try:
        call()
    except (struct.error, OverflowError) as e:
        print(type(e).__name__, e)
print(struct.error.__mro__[1:], struct.error("x"))
