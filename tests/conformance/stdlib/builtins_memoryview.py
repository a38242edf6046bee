import struct, array
b = b'hello world'
m = memoryview(b)
print(len(m), m[0], m[-1], m[1:4].tobytes(), m.readonly, m.itemsize, m.nbytes, m.format)
print(m.obj is b, m.ndim, m.shape, m.strides, m.tolist()[:3], m.hex(), m[::2].tobytes())
print(bytes(m[6:]), bytearray(m[:5]), b''.join([m[:5], b'-', m[6:]]))
print(m == b, m == b'x', m[::-1].tobytes(), list(m[:3]))
ba = bytearray(b'abcdef')
v = memoryview(ba)
v[0] = ord('X')
v[1:3] = b'YZ'
print(ba, v.readonly)
sub = v[2:5]
sub[0] = 0x41
print(ba, sub.tobytes(), sub.obj is ba)
try:
    m[0] = 1
except TypeError as e:
    print('TypeError', e)
try:
    v[0] = 256
except ValueError as e:
    print('ValueError', e)
try:
    v[0] = 'a'
except TypeError as e:
    print('TypeError', e)
try:
    v[0:2] = b'abc'
except ValueError as e:
    print('ValueError', e)
try:
    v[10]
except IndexError as e:
    print('IndexError', e)
ints = memoryview(bytearray(struct.pack('<4i', 1, -2, 3, 400000))).cast('i')
print(ints.format, ints.itemsize, len(ints), ints.tolist(), ints[1], ints.nbytes)
ints[1] = 7
print(ints.tolist(), ints.cast('B').tolist()[:8])
print(memoryview(b'abc').cast('c').tolist())
d = memoryview(struct.pack('2d', 1.5, -2.25)).cast('d')
print(d.tolist(), d == memoryview(struct.pack('2d', 1.5, -2.25)).cast('d'))
h = memoryview(struct.pack('3H', 1, 2, 65535)).cast('H')
print(h.tolist(), h.hex(':'), h.hex(' ', 2))
with memoryview(b'xyz') as w:
    print(w.tobytes())
try:
    w.tobytes()
except ValueError as e:
    print('ValueError', e)
print(repr(w).startswith('<released memory at'))
buf = bytearray(8)
mv = memoryview(buf)
struct.pack_into('<hh', mv, 2, 5, -1)
print(buf, struct.unpack_from('<hh', mv, 2), struct.unpack('<hh', mv[2:6]))
struct.pack_into('<h', mv[4:], 0, 9)
print(buf)
print(hash(memoryview(b'ab')) == hash(b'ab'))
try:
    hash(memoryview(bytearray(b'ab')))
except ValueError as e:
    print('ValueError', e)
try:
    memoryview('abc')
except TypeError as e:
    print('TypeError', e)
try:
    memoryview(b'abc').cast('i')
except TypeError as e:
    print('TypeError', e)
try:
    ints.cast('h')
except TypeError as e:
    print('TypeError', e)
a = array.array('i', [1, 2, 3])
am = memoryview(a)
print(am.format, am.itemsize, am.tolist(), len(am), am.nbytes)
print(memoryview(b'abcdef')[1:5][1:3].tobytes())
print(memoryview(b'ab') != b'ab', memoryview(b'ab') == [97, 98])
print(type(m).__name__, isinstance(m, memoryview))
print(memoryview(bytearray(b'abc')).toreadonly().readonly)
e = memoryview(struct.pack('f', 1.5)).cast('f')
print(e.tolist())
print(m.contiguous, m[::2].contiguous, m.c_contiguous)
print(m.cast('B', shape=[11]).shape, memoryview(b'abcd').cast('i', shape=[]).tolist() == struct.unpack('i', b'abcd')[0])
print(b'hello' in [m[:5]], m[:5] == m[:5])
print(format(1), str(m[:1].tobytes(), 'ascii'))
try:
    del v[0]
except TypeError as e:
    print('TypeError', e)
print(list(reversed(m[:3])) if hasattr(m, '__reversed__') else list(m[:3])[::-1])
