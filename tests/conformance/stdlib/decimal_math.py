# Covers: correctly rounded sqrt, exp, ln and log10 over many arguments and
# precisions (results and flags), their special values, power with
# fractional exponents, and format() with every presentation type.
from decimal import *

D = Decimal


def show(f):
    try:
        r = f()
    except DecimalException as e:
        r = type(e).__name__ + " " + str(e)
    flags = [s.__name__ for s, on in getcontext().flags.items() if on]
    getcontext().clear_flags()
    return "%s %s" % (r, flags)


args = ["2", "0.5", "10", "1E-10", "123.456", "7E+20", "0.999", "1.001", "3.14159", "1E+5",
        "0.0001", "99", "2.718281828459045235360287471", "1E-30", "-1", "-0.5", "4", "0.04", "1E+100"]
for prec in (28, 10, 50, 3):
    getcontext().prec = prec
    for s in args:
        d = D(s)
        print(prec, s, show(d.sqrt), show(d.exp), show(d.ln), show(d.log10))
getcontext().prec = 28
for s in ["0", "-0", "Inf", "-Inf", "NaN", "sNaN", "1", "1.000", "100", "0.001", "1E+10",
          "-1E+10", "1E+6", "-3E+6", "2302585.09", "-2302600"]:
    d = D(s)
    print(s, show(d.sqrt), show(d.exp), show(d.ln), show(d.log10))
for a, b in [("2", "0.5"), ("10", "0.3"), ("1.5", "2.5"), ("0.5", "-3.3"), ("7", "1E-20"),
             ("3", "-0.25"), ("100", "0.5"), ("1E+10", "0.1"), ("2", "100.5"), ("1", "0.5")]:
    print(a, b, show(lambda: D(a) ** D(b)))

for v in ["1234567.891", "-0.000123", "0", "-0", "1E+5", "123", "0.5", "Infinity", "-NaN", "1.25", "9.995"]:
    d = D(v)
    out = []
    for spec in ["", "10", "<12", "^12", "*>12", "=+12", "+", " ", ",", "_", "015", "012,",
                 ".2f", ".0f", "#.0f", "f", "F", ".3e", "e", "E", ".3g", "g", "G", ".1%", "%",
                 ",.2f", "z.1f", "10.3", ".0e", "#g", "n", ".2n", "020.3e"]:
        try:
            out.append(format(d, spec))
        except ValueError as e:
            out.append("ValueError")
    print(v, "|".join(out))
for spec in ["x", "d", ".f", "10.2x"]:
    try:
        format(D(1), spec)
    except ValueError as e:
        print(spec, "ValueError", e)
print(f"{D('3.14159'):.3}", f"{D('1e-7'):f}", f"{D('123.456'):08.2f}", f"{D('-1.5'):+.0f}",
      "{:.2%}".format(D("0.1234")), format(D("1e1000"), ".3e"), format(D("12345"), ".2"))
