# Covers: the ready queue and the timer heap. call_soon callbacks run FIFO;
# a callback scheduled from a callback runs in the next pass, after all the
# ones already queued; call_later / call_at timers with equal deadlines fire
# in scheduling order; earlier deadlines first regardless of scheduling
# order; call_later(0) runs after call_soon callbacks queued before it (it is
# a timer, moved to the ready queue on the next pass); a cancelled handle
# never runs; call_soon returns a Handle, call_later a TimerHandle whose
# when() matches call_at's deadline. Timers with exactly the same deadline
# pop in heapq's order (TimerHandle compares by deadline only), which is not
# always scheduling order.
import asyncio

log = []


def cb(name, *extra):
    log.append(name)
    for loop, nxt in extra:
        loop.call_soon(cb, nxt)


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    loop.call_soon(cb, "soon1", (loop, "soon1-child"))
    loop.call_soon(cb, "soon2", (loop, "soon2-child"))
    loop.call_later(0, cb, "later0")
    loop.call_soon(cb, "soon3")

    now = loop.time()
    when = now + 0.05
    for i in range(5):
        loop.call_at(when, cb, f"at{i}")
    loop.call_at(when + 0.06, cb, "at-late")
    loop.call_at(when - 0.03, cb, "at-early")
    cancelled = loop.call_at(when, cb, "at-cancelled")
    cancelled.cancel()
    h1 = loop.call_later(0.1, cb, "later-a")
    h2 = loop.call_later(0.1, cb, "later-b")
    same = loop.time() + 0.12
    for i in range(3):
        loop.call_at(same, cb, f"same{i}")
    loop.call_later(0.15, done.set_result, None)

    print("call_later is TimerHandle:", isinstance(h1, asyncio.TimerHandle))
    h = loop.call_soon(cb, "soon4")
    print("call_soon is Handle:", isinstance(h, asyncio.Handle))
    th = loop.call_at(when, cb, "at5")
    print("when() is the deadline:", th.when() == when)
    print("cancelled():", cancelled.cancelled(), h2.cancelled())

    await done
    print(log)


asyncio.run(main())
