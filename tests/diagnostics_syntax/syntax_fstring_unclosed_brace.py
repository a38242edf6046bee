# Mistake: an f-string replacement field not closed.
name = "Ada"
print(f"hello {name")
