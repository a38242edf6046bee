# Covers: fractions.Fraction construction (int, pairs, str literals and their errors, float, Fraction), normalisation, str/repr, errors
from fractions import Fraction as F
print(F(), F(3), F(6, -4), F(-6, -4), F(0, 5), F(True), F(F(1, 2), F(3, 4)), F(F(5, 3)))
print(F(1.5), F(0.1), F(-2.75), F(1e-20), F(2.0 ** 60))
for s in ['1/2', ' -3/4 ', '1_000/3', '1.5e3', '1.', '.5', '1e-2', '1_2.3_4', '\t+7/8\n', '12.', '-1/2', '1E5',
          '1.e5', '1.5E+2', '1e1_0', '1.5e-3_0', '1.5E-1_0', '0', '-0', '000123/0456', '\u0663/\u0664', '9' * 30 + '/7',
          '3 /4', '3/ 4', '1.d', '1.ddd', '1._5', '1_', '_1', '1e_1', '1.5e', 'e5', '.', '-', '', '1/2/3', '0x10',
          '1 .5', '1.2.', '1/-2', '1.5j', '1/2e1', 'inf', 'nan', '1e+', '1__2', '-.e1', '1/0', '+-1', '2/+3']:
    try:
        print(repr(s), repr(F(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
for args in [(1, 0), (0, 0), ([1],), (1, 2.0), (1.5, 2), (float('inf'),), (float('nan'),), ('1', 2), (None,)]:
    try:
        print(args, F(*args))
    except Exception as e:
        print(args, type(e).__name__, e)
x = F(-22, 7)
print(x, repr(x), x.numerator, x.denominator, x.as_integer_ratio(), str(F(4, 2)), format(x, ''), f'{x}')
try:
    format(x, '.2f')
except TypeError as e:
    print('TypeError', e)
print(F.from_float(0.3), F.from_float(7), F(1, 3).real, F(1, 3).imag, F(2, 3).conjugate())
for bad in ['x', 1j]:
    try:
        F.from_float(bad)
    except TypeError as e:
        print('TypeError', e)
class MyF(F):
    pass
m = MyF(3, 6)
print(repr(m), type(m).__name__, type(m + 1).__name__, type(-m).__name__)
