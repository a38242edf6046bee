x = []
for i in range(10**9):
    x.append(i)
