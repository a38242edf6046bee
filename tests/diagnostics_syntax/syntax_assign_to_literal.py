# Mistake: a literal on the left of an assignment.
x = 1
if x == 1:
    1 = x
