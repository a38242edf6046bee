# Mistake: break outside a loop.
def check(x):
    if x > 3:
        break
    return x
