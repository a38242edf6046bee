# Mistake: the body of an if is not indented.
x = 5
if x > 3:
print("big")
