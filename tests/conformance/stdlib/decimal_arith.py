# Covers: + - * / // % divmod ** with Decimals and ints, every rounding mode
# at several precisions, quantize, to_integral_*, normalize, unary ops,
# max/min/compare/compare_total/fma/scaleb/next_plus, the context (prec,
# Emin/Emax, clamp, capitals, repr, flags, traps, localcontext, Basic and
# Extended contexts) and the signals raised with their lists.
from decimal import *
import decimal

D = Decimal
vals = [D("1.23456789"), D("-7.5"), D("0.001"), D("12345678901234567890.5"), D("-0"),
        D("3"), D("2.500"), D("1E+3"), D("-1.1e-5"), 7, -2]
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
       ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
       ("divmod", divmod)]


def show(f, *args):
    try:
        r = f(*args)
    except DecimalException as e:
        r = type(e).__name__ + " " + str(e)
    flags = [s.__name__ for s, on in getcontext().flags.items() if on]
    getcontext().clear_flags()
    return "%s %s" % (r, flags)


for prec in (28, 9, 3):
    getcontext().prec = prec
    for a in vals[:6]:
        for b in vals:
            for name, f in ops:
                print(prec, a, name, b, show(f, a, b))
getcontext().prec = 28
for a in ["7", "-7", "7.5", "1E+2"]:
    for b in ["2", "-2", "0.3"]:
        print(a, b, show(lambda: (D(a) // D(b), D(a) % D(b), D(a).remainder_near(D(b)))))
print(show(lambda: D(1) / 0), show(lambda: D(0) / 0), show(lambda: D(5) // 0),
      show(lambda: D(5) % 0), show(lambda: D(0) % 0), show(lambda: divmod(D(5), 0)),
      show(lambda: D("1e30") // D("1e-30")), show(lambda: D("Inf") - D("Inf")),
      show(lambda: D("Inf") * 0), show(lambda: D(1) / D("Inf")), show(lambda: D("-Inf") / 2),
      show(lambda: D("NaN") + 1), show(lambda: D("sNaN") + 1), show(lambda: D(2) + D("NaN7")))

modes = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
         ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]
nums = ["1.5", "2.5", "-1.5", "-2.5", "1.45", "1.55", "0.05", "1.04", "1.06", "-1.06",
        "1.01", "1.51", "9.95", "-9.95", "0.5", "1.000", "10.5"]
for m in modes:
    row = []
    for s in nums:
        row.append(str(D(s).quantize(D("0.1"), rounding=m)))
        row.append(str(D(s).to_integral_value(rounding=m)))
    print(m, " ".join(row))
    with localcontext() as c:
        c.rounding = m
        c.prec = 3
        print(m, [str(+D(s)) for s in ["1.234", "1.235", "1.245", "-1.235", "9.995", "1.2351", "0.1050"]],
              [str(D(2) / D(3)), str(D(-2) / D(3)), str(D(1) / D(8))], str(D("-0") + D("0")), str(-D("0")))
print(show(lambda: D("1.2345").quantize(D("1E-10"))), show(lambda: D("123.456").quantize(D("1E+1"))),
      show(lambda: D("1E+30").quantize(D("0.1"))), show(lambda: D("Inf").quantize(D("1"))),
      show(lambda: D("Inf").quantize(D("Inf"))), show(lambda: D("1.20").quantize(D("0.1"))),
      show(lambda: D("5").quantize(D("1E+5"))), show(lambda: D("0").quantize(D("1E-3"))))
print(show(lambda: D("123.456").to_integral_exact()), show(lambda: D("123.000").to_integral_exact()),
      show(lambda: D("-0.5").to_integral()), D("1E+3").to_integral())
for s in ["120.00", "0.000", "-1.2300E+5", "1E+2", "Inf", "100"]:
    print(s, D(s).normalize(), show(lambda: D(s).normalize()))
print(show(lambda: +D("1.234567890123456789012345678901")), abs(D("-5.50")), -D("5.50"), +D("-0"))
print(D(3).max(D("3.0")), D(3).min(D("3.0")), D(-3).max(D("-3.0")), D(1).max(D("NaN")),
      D(2).min(7), D("-5").max_mag(3), D("-5").min_mag(3), D(1).compare(D(2)), D(2).compare(D("2.0")),
      D("NaN").compare(1), D("12.30").compare_total(D("12.3")), D("-1").compare_total(D("NaN")),
      D("NaN").compare_total(D("sNaN")), D(2).fma(3, 4), D("1E+30").fma(D("1E+30"), D(-1)))
print(D("1.5").scaleb(3), D("1.5").scaleb(-3), D(1).next_plus(), D(1).next_minus(), D(0).next_plus(),
      D("-1E-5").next_minus(), D("9.999999999999999999999999999E+999999").next_plus(), D("Inf").next_minus(),
      D(12345).logb(), D("0.001").logb(), D(1).copy_sign(D(-2)), D(-3).copy_abs(), D(3).copy_negate(),
      D("1.5").same_quantum(D("2.7")), D("1.5").same_quantum(D("2")), D(1.5).radix())
for e in [(2, 10), ("1.1", 3), (2, -2), ("2.0", -2), (10, 30), (7, 50), (-2, 3), ("-0", 3),
          ("Inf", -1), ("-2.5", 2), (0, -1), (0, 0), ("-8", "0.5"), (4, "0.5"), (2, "0.5"),
          (2, "-1.5"), ("0.5", "Inf"), (2, "-Inf"), ("-Inf", 3), ("-Inf", 2), (1, "1E+30"),
          (10, "1E+30"), ("1.000", 2), (3, "2.0"), ("1E+400000", 3)]:
    print(e, show(lambda: D(e[0]) ** D(e[1])))
print(pow(D(3), D(4), D(5)), pow(D(-3), 3, 7), show(lambda: pow(D(3), D("0.5"), 5)), 2 ** D(10), D(2) ** 10)

c = getcontext()
print(c, c.Etiny(), c.Etop(), len(c.flags))
print(BasicContext, ExtendedContext, DefaultContext, sep="\n")
x = Context(prec=5, rounding=ROUND_DOWN, Emin=-9, Emax=9, capitals=0, clamp=1)
print(x, x.create_decimal("1.23456789"), x.create_decimal("1e-12"), x.create_decimal("12.5"),
      x.create_decimal("1E+5"), x.create_decimal("NaN12"))
print(x.add(1, D("0.000001")), x.divide(1, 3), x.to_sci_string(D("1e-12")), x.sqrt(2), x.power(2, 10),
      x.multiply(D("9.9999"), 10), x.abs(-1), x.quantize(D("1.2345"), D("0.1")))
print(x.flags == {s: False for s in x.flags}, sorted(k.__name__ for k, v in x.flags.items() if v))
for f in [lambda: x.multiply(D("9E9"), 100), lambda: x.divide(1, 0), lambda: Decimal("1e5", x)]:
    print(show(f))
print(show(lambda: Context(prec=3, traps=[Inexact, Rounded, Overflow]).multiply(D("9E999999"), 10)))
with localcontext(prec=4, rounding=ROUND_HALF_UP, traps=[Inexact]) as lc:
    print(lc.prec, lc.rounding, D(1) / D(8), show(lambda: D(1) / D(3)), getcontext() is lc)
print(getcontext().prec, getcontext().traps[Inexact])
with localcontext(ExtendedContext):
    print(D(1) / 0, D(0) / 0, D("abc"), D(2).sqrt(), getcontext().flags[DivisionByZero])
for bad in [dict(prec=0), dict(prec="5"), dict(rounding="X"), dict(Emin=1), dict(Emax=-1),
            dict(capitals=2), dict(clamp=-1)]:
    try:
        Context(**bad)
    except (ValueError, TypeError) as e:
        print(bad, type(e).__name__, e)
try:
    localcontext(foo=1)
except TypeError as e:
    print("TypeError", e)
ctx = Context()
ctx.traps[DivisionByZero] = False
setcontext(ctx)
print(D(1) / 0, getcontext().flags[DivisionByZero], getcontext() is ctx)
setcontext(DefaultContext)
print(getcontext() is DefaultContext, getcontext().prec)
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(FloatOperation, TypeError),
      issubclass(Overflow, Inexact), issubclass(Underflow, Subnormal), issubclass(ConversionSyntax, InvalidOperation),
      issubclass(DivisionUndefined, ZeroDivisionError), issubclass(DecimalException, ArithmeticError),
      decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY)
