# Covers: atexit.register (with arguments and as a decorator), unregister,
# last-in first-out order at exit, a handler that raises (the others still
# run), and handlers running after sys.exit().
# Needs its own process: atexit handlers run when the interpreter process exits.
import atexit
import sys


def bye(name, punct="!"):
    print("bye", name + punct)


atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")


@atexit.register
def decorated():
    print("decorated runs")


def never():
    print("never printed")


atexit.register(never)
atexit.register(never)
atexit.unregister(never)


def broken():
    raise ValueError("handler failed")


atexit.register(broken)
atexit.register(bye, "last registered")
print("main body done", decorated.__name__)
sys.exit(0)
