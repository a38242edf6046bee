# Covers: asyncio.current_task() and all_tasks(). current_task() is the task
# running the code (main's task inside main, the child inside the child, the
# same task across awaits and inside plain coroutines it awaits); it is None
# in a plain loop callback and raises RuntimeError outside a running loop;
# all_tasks() holds exactly the tasks not done yet, main included, and drops
# them as they finish; names from create_task(name=) and set_name().
import asyncio


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def helper():
    return asyncio.current_task()


async def child(ev, seen):
    me = asyncio.current_task()
    seen.append(me.get_name())
    await ev.wait()
    seen.append(asyncio.current_task() is me)
    seen.append(await helper() is me)


async def main():
    me = asyncio.current_task()
    me.set_name("main")
    print("main task:", me.get_name(), "same after await:",
          (await asyncio.sleep(0)) is None and asyncio.current_task() is me)
    print("helper sees main:", await helper() is me)

    ev = asyncio.Event()
    seen = []
    kids = [asyncio.create_task(child(ev, seen), name=f"kid{i}") for i in range(3)]
    print("all before start:", names(asyncio.all_tasks()))
    await asyncio.sleep(0)
    print("kids saw:", seen)
    seen.clear()
    ev.set()
    await asyncio.gather(*kids)
    print("kids after wake:", seen)
    print("all after kids finish:", names(asyncio.all_tasks()))
    print("main in all_tasks:", me in asyncio.all_tasks())

    loop = asyncio.get_running_loop()
    box = []
    loop.call_soon(lambda: box.append(asyncio.current_task()))
    await asyncio.sleep(0)
    print("in a callback:", box)

    sleeper = asyncio.create_task(asyncio.sleep(3600), name="sleeper")
    await asyncio.sleep(0)
    print("with sleeper:", names(asyncio.all_tasks()))
    sleeper.cancel()
    await asyncio.sleep(0)
    print("sleeper cancelled:", sleeper.cancelled(), names(asyncio.all_tasks()))
    print("all_tasks(loop):", names(asyncio.all_tasks(loop)))
    print("current_task(loop) is main:", asyncio.current_task(loop) is me)


asyncio.run(main())

try:
    asyncio.current_task()
except RuntimeError as e:
    print("outside a loop:", e)
try:
    asyncio.all_tasks()
except RuntimeError as e:
    print("outside a loop:", e)
