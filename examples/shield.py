# Shows: asyncio.shield() protecting a task from cancellation. With
# wait_for(shield(task), timeout) the timeout raises TimeoutError in the
# caller, but the task itself keeps running and its result can be awaited
# later. Without shield, the same timeout cancels the task.
import asyncio


async def slow_operation(label):
    await asyncio.sleep(0.15)
    print(label, "operation finished")
    return label + " result"


async def main():
    task = asyncio.create_task(slow_operation("shielded"))
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.05)
    except asyncio.TimeoutError:
        print("timeout while waiting for the shielded task")
    print("shielded task cancelled:", task.cancelled(), "done:", task.done())
    print("awaited later:", await task)

    bare = asyncio.create_task(slow_operation("bare"))
    try:
        await asyncio.wait_for(bare, timeout=0.05)
    except asyncio.TimeoutError:
        print("timeout while waiting for the bare task")
    print("bare task cancelled:", bare.cancelled())


asyncio.run(main())
