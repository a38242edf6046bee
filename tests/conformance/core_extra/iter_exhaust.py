l = [1, 2]
it = iter(l)
print(list(it))
l.append(3)
l.append(4)
print(list(it), next(it, "done"))
t = (1, 2, 3)
for x in t:
    print(x, end=" ")
print()
for i in range(5, -6, -3):
    print(i, end=" ")
print()
for i in range(2**62, 2**62 + 3):
    print(i, end=" ")
print()
for i in range(9223372036854775800, 9223372036854775807, 3):
    print(i, end=" ")
print()
ll = [0]
for x in ll:
    if x < 5:
        ll.append(x + 1)
print(ll)
r = iter(range(3))
print(next(r), list(r), list(r))
