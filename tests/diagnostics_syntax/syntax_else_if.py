# Mistake: else if instead of elif.
x = 3
if x > 5:
    print("big")
else if x > 2:
    print("medium")
