# Integer %, //, >> and << over all sign combinations and the edges of
# 64-bit machine ints (where a fast path must hand over to bigints).
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 2**31, -2**31, 2**62, -2**62,
        2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64 + 5]
divs = [1, -1, 2, -2, 3, -3, 7, -7, 2**31, -2**31, 2**63 - 1, -2**63, 2**64]
out = []
for x in vals:
    for y in divs:
        out.append((x % y, x // y, divmod(x, y)))
print(hash(tuple(out)) == hash(tuple(out)), len(out))
for x in vals:
    print(x, [x % y for y in divs])
    print(x, [x // y for y in divs])
for x in vals:
    print(x, [x >> s for s in (0, 1, 2, 31, 62, 63, 64, 65, 200)])
    print(x, [x << s for s in (0, 1, 2, 31, 62, 63, 64)])
for bad in (0,):
    try:
        print(5 % bad)
    except ZeroDivisionError as e:
        print(e)
    try:
        print(5 // bad)
    except ZeroDivisionError as e:
        print(e)
try:
    print(1 >> -1)
except ValueError as e:
    print(e)
try:
    print(1 << -1)
except ValueError as e:
    print(e)
x = -17
x %= 5
y = -17
y //= 5
z = -17
z >>= 2
w = 3
w <<= 62
print(x, y, z, w)
