# Covers: repr of floats whose correctly rounded shortest digits do not read
# back (powers of two, where the float's interval is lopsided), and int ->
# float conversion rounding half-even.
for e in (122, 100, 200, 500, 1023, -1022, -1074, 60, 76):
    print(e, repr(2.0 ** e), repr(-(2.0 ** e)))
print(float(2**122 - 732), float(2**53 + 1), float(2**64 + 2**11 + 1))
print(float(-(2**122 - 732)), (2**122 - 732) / 1, float(10**308))
print(2.0 ** 122 == float(2**122), str(2.0 ** 76), format(2.0 ** 76, "g"))
