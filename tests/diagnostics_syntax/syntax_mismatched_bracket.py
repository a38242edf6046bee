# Mistake: a list closed with a parenthesis.
items = [1, 2, 3)
print(items)
