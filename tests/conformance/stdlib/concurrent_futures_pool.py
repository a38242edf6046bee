# Covers: concurrent.futures.ThreadPoolExecutor as a context manager,
# submit + result, map (results in argument order), an exception carried
# by the future, as_completed, wait(ALL_COMPLETED), done/cancelled flags,
# and submit after shutdown raising RuntimeError.
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, ALL_COMPLETED


def square(x):
    time.sleep(0.02 * (5 - x))
    return x * x


def boom():
    raise ValueError("bad job")


with ThreadPoolExecutor(max_workers=3) as ex:
    f = ex.submit(square, 4)
    print("result:", f.result(), f.done(), f.cancelled())
    print("map:", list(ex.map(square, range(5))))
    bad = ex.submit(boom)
    try:
        bad.result()
    except ValueError as e:
        print("raised:", e, "| exception():", repr(bad.exception()))
    fs = [ex.submit(square, i) for i in range(5)]
    print("as_completed:", sorted(g.result() for g in as_completed(fs)))
    done, not_done = wait(fs, return_when=ALL_COMPLETED)
    print("wait:", len(done), len(not_done))
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("after shutdown:", e)
