# Covers: the reprs of tasks and futures as CPython 3.11 prints them:
# coro=<f() running at FILE:line> (the line it is suspended at, or its def
# line before it starts), coro=<f() done, defined at FILE:line>,
# wait_for=<the future it awaits>, and cb=[...] listing done-callbacks
# (one, two, or first/<n more>/last).
import asyncio


def show(x):
    print(repr(x).replace(__file__, "FILE"))


def on_done(fut):
    pass


class Handler:
    def __call__(self, fut):
        pass

    def method(self, fut):
        pass


async def sleeper():
    await asyncio.sleep(0.01)
    return 1


async def failer():
    await asyncio.sleep(0)
    raise ValueError("no")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(sleeper(), name="T")
    show(t)
    await asyncio.sleep(0)
    show(t)
    await t
    show(t)
    f = loop.create_future()
    show(f)
    f.add_done_callback(on_done)
    show(f)
    f.add_done_callback(Handler().method)
    show(f)
    f.add_done_callback(Handler())
    f.add_done_callback(print)
    show(f)
    f.set_result([1, 2])
    show(f)
    e = asyncio.create_task(failer(), name="E")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    show(e)
    e.exception()
    c = asyncio.create_task(sleeper(), name="C")
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    show(c)


asyncio.run(main())
