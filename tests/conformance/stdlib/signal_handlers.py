# Covers: signal.signal returning the previous handler, getsignal,
# SIG_DFL / SIG_IGN, a Python handler receiving the signal number
# (raise_signal runs it at once), default_int_handler raising
# KeyboardInterrupt, invalid handlers (TypeError) and signal numbers
# (ValueError), SIGKILL refused with OSError.
# Needs its own process: it installs process-wide signal handlers and raises signals.
import signal

got = []


def handler(signum, frame):
    got.append(signum)


print("default:", signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)
print("previous:", signal.signal(signal.SIGUSR1, handler) == signal.SIG_DFL)
signal.raise_signal(signal.SIGUSR1)
print("handled:", got == [signal.SIGUSR1])
print("current is handler:", signal.getsignal(signal.SIGUSR1) is handler)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR1)
print("ignored, still:", len(got))
print("SIGINT handler:", signal.getsignal(signal.SIGINT) is signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt from SIGINT")
try:
    signal.signal(signal.SIGUSR2, 42)
except TypeError as e:
    print("TypeError:", e)
try:
    signal.signal(0, handler)
except ValueError as e:
    print("ValueError:", e)
try:
    signal.signal(signal.SIGKILL, handler)
except OSError as e:
    print("OSError:", e.errno)
