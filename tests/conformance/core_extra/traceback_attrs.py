# Walking an exception's traceback with tb_next / tb_lineno.


def inner(n):
    if n == 0:
        raise ValueError("bottom")
    return inner(n - 1)


def outer():
    return inner(2)


try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        print(e.__traceback__.tb_lineno, e.__traceback__.tb_next)
        raise KeyError("k") from e
except KeyError as e:
    print(e.__traceback__.tb_lineno, e.__cause__.__traceback__.tb_lineno)
