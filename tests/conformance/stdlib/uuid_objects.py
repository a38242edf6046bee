# Covers: uuid.UUID from hex (braces, urn, hyphens), bytes, bytes_le, fields, int, with version; every attribute; str/repr/int/hash; ordering and equality; immutability; errors; the NAMESPACE_* constants; SafeUUID and pickling state
import uuid
u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
for x in [u, uuid.UUID('12345678123456781234567812345678'), uuid.UUID('urn:uuid:12345678-1234-5678-1234-567812345678'),
          uuid.UUID(bytes=b'\x12\x34\x56\x78' * 4), uuid.UUID(bytes_le=b'\x78\x56\x34\x12\x34\x12\x78\x56\x12\x34\x56\x78\x12\x34\x56\x78'),
          uuid.UUID(fields=(0x12345678, 0x1234, 0x5678, 0x12, 0x34, 0x567812345678)), uuid.UUID(int=0x12345678123456781234567812345678)]:
    print(x == u, str(x), repr(x))
print(u.bytes, u.bytes_le, u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low)
print(u.time, u.clock_seq, u.node, u.hex, u.int, u.urn, u.variant, u.version, u.is_safe, int(u), hash(u) == hash(u.int))
for v in range(1, 6):
    w = uuid.UUID(int=(1 << 128) - 1, version=v)
    print(v, w, w.version, w.variant)
for i in [0, 1 << 127, 3 << 126, 7 << 125, (1 << 128) - 1]:
    z = uuid.UUID(int=i)
    print(z, z.variant, z.version)
a, b = uuid.UUID(int=1), uuid.UUID(int=2)
print(a < b, a <= b, a > b, a >= b, a == uuid.UUID(int=1), a != b, a == 1, sorted([b, a]) == [a, b], {a: 'x'}[uuid.UUID(int=1)])
try:
    a < 1
except TypeError:
    print('TypeError unorderable')
for bad in [lambda: uuid.UUID(), lambda: uuid.UUID('x'), lambda: uuid.UUID('123'), lambda: uuid.UUID(hex='12345678-1234-5678-1234-56781234567g'),
            lambda: uuid.UUID(bytes=b'short'), lambda: uuid.UUID(bytes_le=b'x' * 17), lambda: uuid.UUID(fields=(1, 2)),
            lambda: uuid.UUID(fields=(1 << 32, 0, 0, 0, 0, 0)), lambda: uuid.UUID(fields=(0, 1 << 16, 0, 0, 0, 0)),
            lambda: uuid.UUID(fields=(0, 0, 1 << 16, 0, 0, 0)), lambda: uuid.UUID(fields=(0, 0, 0, 256, 0, 0)),
            lambda: uuid.UUID(fields=(0, 0, 0, 0, 256, 0)), lambda: uuid.UUID(fields=(0, 0, 0, 0, 0, 1 << 48)),
            lambda: uuid.UUID(int=-1), lambda: uuid.UUID(int=1 << 128), lambda: uuid.UUID(int=0, version=6),
            lambda: uuid.UUID(hex='0' * 32, int=0)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    u.int = 5
except TypeError as e:
    print('TypeError', e)
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
print(uuid.RESERVED_NCS, '|', uuid.RFC_4122, '|', uuid.RESERVED_MICROSOFT, '|', uuid.RESERVED_FUTURE)
print(repr(uuid.SafeUUID.unknown), repr(uuid.SafeUUID.safe), uuid.SafeUUID.unsafe.value, uuid.SafeUUID(0) is uuid.SafeUUID.safe, len(list(uuid.SafeUUID)))
s = uuid.UUID(int=5, is_safe=uuid.SafeUUID.safe)
print(u.__getstate__(), s.__getstate__(), s.is_safe is uuid.SafeUUID.safe)
t = uuid.UUID.__new__(uuid.UUID)
t.__setstate__({'int': 99, 'is_safe': -1})
print(t, t.is_safe is uuid.SafeUUID.unsafe)
g = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
h = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
print(g.version, g.variant, hex(g.node), hex(g.clock_seq), g.time < h.time, str(g)[19:])
