# Mistake: a parameter without a default after one with a default.
def greet(greeting="hello", name):
    return f"{greeting}, {name}"
