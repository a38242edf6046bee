# Mistake: Python 2 except syntax.
try:
    x = int("a")
except ValueError, e:
    print(e)
