# Mistake: a leading zero in a decimal literal.
month = 08
print(month)
