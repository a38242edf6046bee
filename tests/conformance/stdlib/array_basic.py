# Covers: array.array with each type code: construction, append/extend/
# insert/pop/remove/index/count/reverse, slicing, tobytes/frombytes,
# tolist/fromlist, byteswap, itemsize/typecode, repr, comparisons, and the
# errors for bad type codes and out-of-range values.
from array import array, typecodes

print(typecodes)
for code in typecodes:
    init = "abc" if code == "u" else [1, 2, 3]
    a = array(code, init)
    print(code, a.itemsize, a, a.tobytes(), a.tolist())
a = array('i', [5, 1, 4])
a.append(7)
a.extend([8, 9])
a.insert(0, -1)
print(a, len(a), a[0], a[-1], a[1:3], a[::-1], a.pop(), a.pop(0), a)
a.remove(4)
print(a, a.index(7), a.count(5), 7 in a, list(a))
a.reverse()
print(a, a + array('i', [0]), a * 2, array('i', [1]) == array('i', [1]), array('i', [1]) < array('i', [2]))
a[0] = 42
a[1:3] = array('i', [10, 20, 30])
del a[0]
print(a)
b = array('h')
b.frombytes(b'\x01\x00\x02\x00')
b.fromlist([3, 4])
print(b, b.tobytes())
b.byteswap()
print(b)
u = array('u', 'hi')
u.fromunicode('!')
print(u, u.tounicode())
d = array('d', [1.5, 2])
f = array('f', [0.1])
print(d, f, d.typecode, array('b'), array('B', b'\x00\xff'))
for call in [lambda: array('z'), lambda: array('b', [200]), lambda: array('B', [-1]),
             lambda: array('h', [1 << 15]), lambda: array('i', [1.5]), lambda: array('i', "abc"),
             lambda: array('i', [1]).pop(5), lambda: array('i').pop(), lambda: array('i', [1]).index(9),
             lambda: array('i', [1]) + array('d', [1.0]), lambda: array('h', b'\x00')]:
    try:
        call()
    except (ValueError, TypeError, OverflowError, IndexError) as e:
        print(type(e).__name__, e)
