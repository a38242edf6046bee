# Covers: int / int rounds once, half-even, whatever the sizes (CPython's
# long_true_divide): big operands, subnormal results, overflow.
print(106269925611052072 / -647, (10**20 // 941) / (15 - 662))
print(2**64 / 3, (2**64 + 1) / 2**11, -(10**30) / 7, 10**40 / 10**20)
print(1 / 3**700, 3 / 2**1076, 1 / 2**1075, 1 / 2**1076, 2**2000 / 2**1000)
for a, b in [(2**53 + 1, 1), (2**54 + 3, 2), (-(2**63), 3), (7 * 2**70 + 1, 2**70)]:
    print(a / b)
try:
    print(2**1100 / 3)
except OverflowError as e:
    print("OverflowError:", e)
print(0 / -5, (-0) / 3, 10 / 4, -7 / 2)
