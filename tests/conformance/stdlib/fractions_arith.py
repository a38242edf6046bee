# Covers: fractions.Fraction arithmetic with ints, floats, complex and Fractions, division by zero, pow, comparisons, hashing, rounding, limit_denominator
import math
from fractions import Fraction as F
a, b = F(3, 4), F(-5, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, b ** -3, a ** 0)
print(a + 1, 1 + a, a - 2, 2 - a, a * 3, 3 * a, a / 3, 3 / a, 7 // a, a // 7, 7 % a, a % -7, divmod(7, a))
print(a + 0.5, 0.5 + a, a * 2.5, 1.5 - a, a / 0.25, a // 0.1, a % 0.5, divmod(F(7, 3), -0.5))
print(a + 1j, 1j * a, a ** 0.5, 2 ** F(2), 2 ** F(-2), F(2) ** F(1, 2), (-8) ** F(1, 3) if False else '', 4 ** F(1, 2))
print(F(-8, 27) ** F(1, 3), (-2) ** F(1, 2), F(-2, 3) ** -3, F(-2, 3) ** 3, 2.0 ** F(3))
for expr in [lambda: F(1, 2) / 0, lambda: F(1, 2) // 0, lambda: F(1, 2) % 0, lambda: divmod(F(1, 2), 0),
             lambda: F(0) ** -1, lambda: 1 / F(0), lambda: F(3, 4) / F(0), lambda: F(-3, 4) / 0, lambda: F(0) / 0,
             lambda: F(1, 2) < 1j, lambda: F(1, 2) + 'x']:
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__, e)
print(+a, -a, abs(b), int(b), int(F(7, 2)), float(a), complex(a), bool(F(0)), bool(b))
print(math.floor(b), math.ceil(b), math.trunc(b), math.floor(F(7, 2)), math.ceil(F(7, 2)))
print([round(F(n, 2)) for n in range(-7, 8)])
print(round(F(12345, 100), -1), round(F(12345, 1000), 2), round(F(-1, 3), 3), round(F(5, 3), 0))
print(a == F(6, 8), a == 0.75, a == 0.7, F(2) == 2, F(2, 1) == 2.0, F(1, 3) == 1 / 3, a == complex(0.75, 0), a != b)
print(a < b, a > b, a <= 0.75, a >= 1, F(1, 2) < float('nan'), F(1, 2) < float('inf'), F(1, 2) > float('-inf'))
print(F(1, 2) < F(2, 3) <= 1 < 2.0, sorted([F(1, 3), 0.3, F(2, 7), 1, F(-1, 2)]), max(F(1, 3), 0.3), min(F(5, 2), 2))
print(F(1, 2) == 'x', F(1, 2) == None, a in [0.75], {F(1, 2): 'half'}[0.5], {0.5: 'h'}[F(1, 2)])
for x in [F(1, 3), F(-1), F(10 ** 30, 7), F(1, 2), F(3), F(-1, 2 ** 61 - 1), F(2 ** 61 - 1, 3), F(7, 2 ** 61 - 1)]:
    print(x, hash(x), hash(x) == hash(float(x)) if x.denominator & (x.denominator - 1) == 0 else '')
print(hash(F(5)) == hash(5), hash(F(1, 4)) == hash(0.25), hash(F(-3, 2)) == hash(-1.5))
pi = F('3.14159265358979323846')
for m in [1, 7, 10, 100, 113, 1000, 10 ** 6]:
    print(m, pi.limit_denominator(m))
print(F(1, 3).limit_denominator(3), F(3, 7).limit_denominator(10), F(-17, 31).limit_denominator(5), F(0.1).limit_denominator())
try:
    F(1, 3).limit_denominator(0)
except ValueError as e:
    print('ValueError', e)
s = F(0)
for k in range(1, 30):
    s += F(1, k * k)
print(s.numerator % 10 ** 12, s.denominator % 10 ** 12, float(s), sum([F(1, 3)] * 3), sum([F(1, 10)] * 10, F(0)))
print(F(10 ** 400, 3 * 10 ** 399).__float__(), float(F(1, 10 ** 400)), float(F(-(10 ** 400), 7 * 10 ** 399)))
