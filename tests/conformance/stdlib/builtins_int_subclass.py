# Covers: instances of int, float, str and tuple subclasses used as their
# values: arithmetic both ways, comparisons, hashing, formatting, methods,
# with a dunder override still winning.
class I(int): pass
x = I(5)
print(x)
print(repr(x))
try: print(x + 1)
except Exception as e: print("E", e)
try: print(1 + x)
except Exception as e: print("E", e)
try: print(x == 5, hash(x) == hash(5), x < 7)
except Exception as e: print("E", e)
try: print({5: 'a'}[x])
except Exception as e: print("E", e)
try: print("%d" % x, f"{x}", int(x), [1,2,3,4,5,6][x])
except Exception as e: print("E", e)
class S(str): pass
s = S("ab")
try: print(s + "c", s.upper(), s == "ab", {"ab": 1}[s], len(s), f"{s}")
except Exception as e: print("E", e)
class T(tuple): pass
t = T((1,2))
try: print(t, t[0], len(t), t + (3,), list(t))
except Exception as e: print("E", e)
class F(float): pass
f = F(2.5)
print(f, f + 1, 1 + f, f * 2, f > 2, repr(f), -f, abs(F(-1.5)), round(f), int(f), f"{f:.2f}")
print(x.bit_length(), -x, abs(x), x // 2, x % 3, x ** 2, divmod(x, 2), x & 1, x << 1, float(x), x.to_bytes(1, "big"), int.__add__(x, 1))
print(sorted([I(3), 1, I(2)]), max(I(3), 4), sum([I(1), I(2)]), str(x), f"{x:>4}", "%d|%s|%r" % (x, x, x), hex(x), x == I(5), I(5) + I(5))
class B(int):
    def __add__(self, o): return "custom"
print(B(1) + 1, 1 + B(1), B(2) * 3)
