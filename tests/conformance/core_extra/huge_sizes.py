# Sizes asked for by a script that cannot fit raise MemoryError (or the
# error CPython gives) instead of aborting; large-but-possible ones work.
cases = [
    lambda: "{:>{w}}".format(1, w=2**62),
    lambda: f"{1:{2**40}}",
    lambda: "%*d" % (2**62, 1),
    lambda: list(range(2**62)),
    lambda: [*range(2**62)],
    lambda: tuple(range(2**62)),
    lambda: format(1.5, ".%df" % 2**31),
    lambda: format(1.5, ".%de" % 2**40),
    lambda: format(1.5, ".%dg" % 2**31),
    lambda: format(1.5, ".%d%%" % 2**31),
    lambda: "abc" * 2**62,
    lambda: [0] * 2**62,
    lambda: bytearray(2**62),
    lambda: b"x".ljust(2**62),
    lambda: "abc".center(2**70),
    lambda: (1, 2) * 2**70,
]
for i, f in enumerate(cases):
    try:
        r = f()
        print(i, "ok", len(r))
    except (MemoryError, OverflowError, ValueError) as e:
        print(i, type(e).__name__, e)

print(len(format(1.5, ".100000f")), format(1.5, ".70000f")[-3:])
print(len(format(1.5, ".100000e")), format(2.0**-1074, ".1080e")[:20])
print(len(format(1 / 3, ".70000g")), format(1 / 3, ".70000g")[-5:])
print(len(format(0.1, ".2000%")), format(-0.0, "z.1200f")[:4])
