# Mistake: a missing comma between dict items.
point = {"x": 1 "y": 2}
print(point)
