# Indices and steps past a C ssize_t: slices clamp, items raise IndexError,
# repetition counts raise OverflowError, as in CPython.
print([1, 2, 3][::-(2**63)], "abc"[::-2**64], (1, 2, 3)[::-(2**63)], b"abc"[::-(2**63)])
print([1, 2, 3][2**70:], "abc"[-2**70:2**70], (1, 2)[-2**64::2**64])
for e in ['"abc"[2**70]', "[][-2**70]", "(1,)[2**70]", 'b"a"[2**64]', 'b"abc" * 2**62',
          '"abc".center(2**70)', "(1, 2) * 2**70", "[1] * 2**70", '"a" * 2**70', '2**70 * "a"',
          '"abc" * 2**62', '"a" * -2**70', '[1, 2] * -2**70']:
    try:
        print(e, "->", repr(eval(e)))
    except Exception as x:
        print(e, "->", type(x).__name__, x)
l = [1]
for stmt in ["l[2**70] = 1", "del l[2**70]", "l[-2**70] = 1"]:
    try:
        exec(stmt)
    except Exception as x:
        print(stmt, "->", type(x).__name__, x)
