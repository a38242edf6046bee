# Covers: int / int with big operands rounds once, to nearest even (subnormal results, halfway cases, overflow)
seed = 1


def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return seed


total = 0
out = []
for i in range(400):
    a = rnd() ** (1 + rnd() % 6) >> (rnd() % 64)
    b = (rnd() ** (1 + rnd() % 6) >> (rnd() % 64)) + 1
    if rnd() % 2:
        a = -a
    for x, y in ((a, b), (b, a), (a * 2 ** (rnd() % 1200), b), (a, b * 2 ** (rnd() % 1200))):
        try:
            out.append(repr(x / y))
        except (OverflowError, ZeroDivisionError) as e:
            out.append(type(e).__name__)
for k in range(0, len(out), 8):
    print(' '.join(out[k:k + 8]))
print(23975061422764032554498739446244608552730775 / 174085318024506601157689344)
print((2 ** 53 + 1) / 1, (2 ** 54 + 3) / 2, (2 ** 80 + 2 ** 27) / 2 ** 27, (2 ** 80 + 2 ** 27 + 1) / 2 ** 27)
for x, y in [(1, 2 ** 1074), (3, 2 ** 1075), (1, 2 ** 1075), (1, 2 ** 1076), (2 ** 1024 - 2 ** 970, 1),
             (2 ** 1024 - 2 ** 970 - 1, 1), (0, -5 * 2 ** 70), (-1, 3 * 2 ** 1070), (10 ** 400, 3 * 10 ** 399),
             (2 ** 2000, 2 ** 976), (2 ** 1024, 1)]:
    try:
        print(repr(x / y))
    except OverflowError as e:
        print('OverflowError', e)
