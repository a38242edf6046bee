# The interpreter waits for non-daemon threads at exit and drops daemon
# ones; an uncaught exception in a thread goes to threading.excepthook.
import threading
import time


def slow():
    time.sleep(0.05)
    print("non-daemon thread finished")


def forever():
    while True:
        time.sleep(0.01)


def fails():
    raise ValueError("boom")


caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


threading.excepthook = hook
t = threading.Thread(target=fails, name="failing")
t.start()
t.join()
print(caught)
threading.excepthook = threading.__excepthook__

threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=slow).start()
print("main thread done")
