# Covers: fairness of the synchronisation primitives. Lock waiters acquire in
# FIFO order, and a cancelled waiter is skipped without losing the wake-up;
# Event.set() wakes every waiter, in the order they started waiting;
# Semaphore(2) admits waiters in FIFO order as slots free up; Condition
# notify(1) / notify(2) / notify_all wake waiters in FIFO order; wait_for
# with a predicate; BoundedSemaphore over-release; releasing an unlocked Lock.
import asyncio

log = []


async def lock_user(lock, name, hold):
    async with lock:
        log.append(f"{name} acquired")
        await asyncio.sleep(hold)
        log.append(f"{name} releasing")


async def locks():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(lock_user(lock, f"L{i}", 0.01)) for i in range(5)]
    await asyncio.sleep(0)
    print("locked:", lock.locked())
    tasks[2].cancel()          # a waiter leaves the queue
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print("lock:", log)
    print("cancelled waiter:", [type(r).__name__ for r in results])
    log.clear()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    # cancel the waiter that is about to be woken: the next one gets the lock
    lock = asyncio.Lock()
    await lock.acquire()
    waiters = [asyncio.create_task(lock_user(lock, f"W{i}", 0)) for i in range(3)]
    await asyncio.sleep(0)
    lock.release()             # wakes W0 ...
    waiters[0].cancel()        # ... which is cancelled before it runs
    await asyncio.gather(*waiters, return_exceptions=True)
    print("woken waiter cancelled:", log, "locked after:", lock.locked())
    log.clear()


async def events():
    ev = asyncio.Event()

    async def waiter(name):
        log.append(f"{name} waiting")
        await ev.wait()
        log.append(f"{name} woke")

    tasks = [asyncio.create_task(waiter(f"E{i}")) for i in range(4)]
    await asyncio.sleep(0)
    ev.set()
    log.append("set called")
    await asyncio.gather(*tasks)
    print("event:", log)
    print("wait on set event:", await ev.wait())
    ev.clear()
    print("is_set after clear:", ev.is_set())
    log.clear()


async def semaphores():
    sem = asyncio.Semaphore(2)

    async def worker(name, hold):
        async with sem:
            log.append(f"{name} in")
            for _ in range(hold):
                await asyncio.sleep(0)
            log.append(f"{name} out")

    holds = [6, 1, 2, 1, 1, 2]   # in sleep(0) steps: no timers involved
    await asyncio.gather(*(worker(f"S{i}", h) for i, h in enumerate(holds)))
    print("semaphore:", log)
    log.clear()
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)


async def conditions():
    cond = asyncio.Condition()
    state = {"n": 0}

    async def waiter(name):
        async with cond:
            log.append(f"{name} waits")
            await cond.wait()
            log.append(f"{name} notified")

    tasks = [asyncio.create_task(waiter(f"C{i}")) for i in range(5)]
    await asyncio.sleep(0)
    for how in ("notify(1)", "notify(2)", "notify_all()"):
        async with cond:
            log.append(how)
            if how == "notify(1)":
                cond.notify(1)
            elif how == "notify(2)":
                cond.notify(2)
            else:
                cond.notify_all()
        for _ in range(3):
            await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    print("condition:", log)
    log.clear()

    async def pred_waiter():
        async with cond:
            r = await cond.wait_for(lambda: state["n"] >= 3)
            log.append(f"predicate true at n={state['n']} ({r})")

    t = asyncio.create_task(pred_waiter())
    for _ in range(4):
        await asyncio.sleep(0)
        async with cond:
            state["n"] += 1
            log.append(f"n={state['n']}")
            cond.notify_all()
    await t
    print("wait_for:", log)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)


async def main():
    await locks()
    await events()
    await semaphores()
    await conditions()


asyncio.run(main())
