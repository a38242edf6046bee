"""Arrays of numeric values, as CPython 3.11's array module: the items are
kept as Python values checked against the type code, and converted with
struct for tobytes/frombytes/byteswap. Type codes use the x86-64 sizes."""

import struct as _struct

__all__ = ['array', 'ArrayType', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

_SIGNED = {'b', 'h', 'i', 'l', 'q'}
_UNSIGNED = {'B', 'H', 'I', 'L', 'Q'}
_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
          'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}


def _check(code, v):
    if code == 'u':
        if not isinstance(v, str):
            raise TypeError('array item must be unicode character, not %s'
                            % type(v).__name__)
        if len(v) != 1:
            raise TypeError('array item must be unicode character, not a '
                            'string of length %d' % len(v))
        return v
    if code in 'fd':
        if not isinstance(v, (int, float)):
            raise TypeError('must be real number, not %s' % type(v).__name__)
        v = float(v)
        if code == 'f':
            v = _struct.unpack('f', _struct.pack('f', v))[0]
        return v
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if not isinstance(v, int):
        raise TypeError("an integer is required (got type %s)" % type(v).__name__)
    bits = _SIZES[code] * 8
    if code in _SIGNED:
        lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    else:
        lo, hi = 0, (1 << bits) - 1
    if not lo <= v <= hi:
        if code == 'b':
            raise OverflowError('signed char is less than minimum' if v < lo
                                else 'signed char is greater than maximum')
        if code == 'B':
            raise OverflowError('unsigned byte integer is less than minimum' if v < lo
                                else 'unsigned byte integer is greater than maximum')
        if code == 'h':
            raise OverflowError('signed short integer is less than minimum' if v < lo
                                else 'signed short integer is greater than maximum')
        if code == 'H':
            raise OverflowError('unsigned short is less than minimum' if v < lo
                                else 'unsigned short is greater than maximum')
        if code == 'i':
            raise OverflowError('signed integer is less than minimum' if v < lo
                                else 'signed integer is greater than maximum')
        if code in _UNSIGNED and v < 0:
            raise OverflowError("can't convert negative value to unsigned int"
                                if code == 'I' else
                                "can't convert negative int to unsigned")
        if code == 'I':
            raise OverflowError('unsigned int is greater than maximum')
        raise OverflowError('Python int too large to convert to C long'
                            if code in _SIGNED else
                            'Python int too large to convert to C unsigned long')
    return v


class array(object):
    """array(typecode [, initializer]) -> array"""

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s'
                            % type(typecode).__name__)
        if typecode not in typecodes:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self._code = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with "
                                "typecode '%s'" % typecode)
            self.fromunicode(initializer)
        elif isinstance(initializer, array):
            if initializer._code == 'u' and typecode != 'u':
                raise TypeError("cannot use a unicode array to initialize an "
                                "array with typecode '%s'" % typecode)
            self.extend(initializer._items)
        else:
            self.extend(initializer)

    @property
    def typecode(self):
        return self._code

    @property
    def itemsize(self):
        return _SIZES[self._code]

    def _new(self, items):
        a = array(self._code)
        a._items = items
        return a

    def append(self, v):
        self._items.append(_check(self._code, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._code != self._code:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(iterable._items)
            return
        code = self._code
        self._items.extend([_check(code, v) for v in iterable])

    def insert(self, i, v):
        self._items.insert(i, _check(self._code, v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError('pop from empty array')
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=None):
        if stop is None:
            stop = len(self._items)
        try:
            return self._items.index(v, start, stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, v):
        return self._items.count(v)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError('arg must be list')
        code = self._code
        self._items.extend([_check(code, v) for v in items])

    def _fmt(self, n):
        # struct's standard sizes, with C long taken as 8 bytes (x86-64).
        code = {'u': 'I', 'l': 'q', 'L': 'Q'}.get(self._code, self._code)
        return '<%d%s' % (n, code)

    def tobytes(self):
        if self._code == 'u':
            return _struct.pack(self._fmt(len(self._items)), *[ord(c) for c in self._items])
        return _struct.pack(self._fmt(len(self._items)), *self._items)

    def frombytes(self, data):
        data = bytes(data)
        size = self.itemsize
        if len(data) % size:
            raise ValueError('bytes length not a multiple of item size')
        vals = _struct.unpack(self._fmt(len(data) // size), data)
        if self._code == 'u':
            vals = [chr(v) for v in vals]
        self._items.extend(vals)

    def tounicode(self):
        if self._code != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items)

    def fromunicode(self, s):
        if self._code != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._items.extend(s)

    def byteswap(self):
        size = self.itemsize
        if size == 1:
            return
        data = self.tobytes()
        swapped = b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = []
        self.frombytes(swapped)

    def buffer_info(self):
        return (id(self._items), len(self._items))

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._items[i])
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(v).__name__)
            if v._code != self._code:
                raise TypeError('bad argument type for built-in operation')
            self._items[i] = v._items
            return
        try:
            self._items[i] = _check(self._code, v)
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array'
                            % type(other).__name__)
        if other._code != self._code:
            raise TypeError('bad argument type for built-in operation')
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")'
                            % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        return self._new(self._items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    __hash__ = None

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self._new(list(self._items))

    def __reduce_ex__(self, proto):
        return (array, (self._code, list(self._items)))

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._code
        if self._code == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (self._code, self._items)


array.__module__ = 'array'
ArrayType = array
