# Mistake: a keyword used as a variable name.
class = "3B"
print(class)
