# Mistake: an attribute used as a keyword argument name.
class C:
    pass

c = C()
print(dict(c.x=1))
