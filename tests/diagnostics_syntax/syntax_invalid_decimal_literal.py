# Mistake: a name that starts with a digit.
1st_place = "gold"
print(1st_place)
