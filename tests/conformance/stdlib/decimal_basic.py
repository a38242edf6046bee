# Covers: Decimal construction from str (every syntax, NaN payloads,
# underscores), int, float (exact), tuple and Decimal; str/repr and
# to_eng_string; as_tuple, as_integer_ratio, adjusted, predicates;
# comparisons with int/float/Fraction and NaN; hashing equal to int/float
# hashes; int/float/round/floor/ceil conversions; conversion errors.
from decimal import Decimal, getcontext, InvalidOperation, FloatOperation, localcontext
from fractions import Fraction
import math

for s in ["0", "-0", "1", "+1.50", "-1.50", ".5", "5.", "1e3", "1E+3", "1e-3", "-0.000",
          "0E+10", "0e-10", "123456789012345678901234567890", "1.23e-7", "1.23e-6",
          "12345e-10", "1_000", "1_0.0_1", "  7  ", "\t-3.5\n", "Inf", "-infinity",
          "NaN", "nan", "-NaN42", "sNaN", "snan007", "1e999999", "1e-999999",
          "0.000001", "0.0000001", "123.456e2", "123.456e5", "٣.١٤"]:
    d = Decimal(s)
    print(repr(s), repr(d), str(d), d.to_eng_string(), d.as_tuple())
for s in ["", " ", "abc", "1e", "e5", "1.2.3", "--1", "1__0", "_1", "1_", "NaNx", "in", "1 0"]:
    try:
        Decimal(s)
    except InvalidOperation as e:
        print(repr(s), "InvalidOperation", e)
for v in [0, -7, 10 ** 30, 0.1, -2.5, 1e300, 5e-324, float("inf"), float("-inf"), -0.0]:
    print(repr(v), repr(Decimal(v)), repr(Decimal.from_float(v)))
print(repr(Decimal(float("nan"))), Decimal((0, (1, 2, 3), -2)), Decimal((1, [4, 0], 3)),
      Decimal((0, (), "F")), Decimal((1, (5,), "n")), Decimal((0, (1,), "N")), Decimal(Decimal("3.0")))
for t in [(2, (1,), 0), (0, (10,), 0), (0, (1,), "x"), (0, (1,), 1.5), (0, (1,))]:
    try:
        Decimal(t)
    except ValueError as e:
        print("ValueError", e)
for v in [[], 1j, None]:
    try:
        Decimal(v)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for s in ["0", "1e3", "1.23E-7", "-12345e2", "0E+4", "0E+5", "0E-7", "0E-8", "123E+1", "1E+10", "-0.5E-8"]:
    print(s, Decimal(s).to_eng_string(), Decimal(s).adjusted())
for s in ["1.5", "-0.75", "0", "1e3", "-12.500", "Inf", "NaN"]:
    d = Decimal(s)
    try:
        r = d.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        r = type(e).__name__ + ": " + str(e)
    print(s, r, d.is_finite(), d.is_infinite(), d.is_nan(), d.is_qnan(), d.is_snan(),
          d.is_signed(), d.is_zero(), d.is_normal(), d.is_subnormal(), d.number_class(),
          d.is_canonical(), bool(d))
print(Decimal("1e-1000000").is_subnormal(), Decimal("1e-1000000").number_class())

a, b = Decimal("1.10"), Decimal("1.1")
print(a == b, a < b, a <= b, a != b, a == 1.1, a == Decimal("1.1000"), Decimal(2) == 2,
      Decimal("0.5") == Fraction(1, 2), Decimal("0.3") < Fraction(1, 3), Decimal("2.5") > 2,
      Decimal(1) < 1.5, Decimal("-0") == 0, sorted([Decimal("3"), 2, Decimal("-1.5"), 0]))
print(Decimal("NaN") == Decimal("NaN"), Decimal("NaN") != 1, Decimal(1) == "1")
for f in [lambda: Decimal("NaN") < 1, lambda: Decimal("sNaN") == 1]:
    try:
        print(f())
    except (InvalidOperation, TypeError) as e:
        print(type(e).__name__, e)
getcontext().clear_flags()
print(Decimal(1) == 1.0, getcontext().flags[FloatOperation])
with localcontext() as ctx:
    ctx.traps[FloatOperation] = True
    print(Decimal(1) == 1.0)
    for f in [lambda: Decimal(1) < 1.5, lambda: Decimal(0.5)]:
        try:
            f()
        except FloatOperation as e:
            print("FloatOperation", e, isinstance(e, TypeError))
    print(Decimal.from_float(0.25))
for x, y in [("1.5", 1.5), ("2", 2), ("-3.000", -3), ("0.1", None), ("1e100", 10 ** 100),
             ("123.456", None), ("-0", 0), ("Infinity", float("inf")), ("-Inf", float("-inf"))]:
    h = hash(Decimal(x))
    print(x, h if y is None else h == hash(y), hash(Decimal(x)) == hash(Decimal(x + "0")) if "." in x else "")
print(hash(Decimal("0.5")) == hash(0.5), hash(Decimal("0.1")) == hash(Fraction(1, 10)),
      len({Decimal("1.0"), Decimal(1), 1, 1.0}))
try:
    hash(Decimal("sNaN"))
except TypeError as e:
    print("TypeError", e)
for s in ["1.5", "2.5", "-1.5", "-2.7", "0.5", "123.999", "-0.1", "7"]:
    d = Decimal(s)
    print(s, int(d), float(d), round(d), round(d, 1), round(d, -1), math.floor(d),
          math.ceil(d), math.trunc(d), complex(d))
for s in ["NaN", "Inf", "sNaN"]:
    for f in [int, float, round, math.floor, math.ceil]:
        try:
            print(s, f.__name__, f(Decimal(s)))
        except (ValueError, OverflowError) as e:
            print(s, f.__name__, type(e).__name__, e)
print(repr(float(Decimal("-NaN"))), repr(float(Decimal("0.1"))), float(Decimal("1e400")),
      Decimal("1.5").real, Decimal("1.5").imag, Decimal("1.5").conjugate())
