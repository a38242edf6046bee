import asyncio
async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda lp, ctx: print("handler:", ctx["message"], type(ctx.get("exception")).__name__, ctx.get("exception")))
    f = loop.create_future()
    f.add_done_callback(5)
    f.add_done_callback(lambda fut: print("cb", fut.result()))
    f.set_result(3)
    await asyncio.sleep(0)
    g = loop.create_future()
    g.set_result(4)
    g.add_done_callback(None)
    g.add_done_callback(print)
    await asyncio.sleep(0)
asyncio.run(main())

import asyncio
def bad(fut):
    raise ValueError("boom")
class C:
    def m(self, fut):
        raise KeyError("k")
async def main2():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda lp, ctx: print("handler:", ctx["message"].replace(__file__, "FILE"), repr(ctx.get("exception"))))
    f = loop.create_future()
    f.add_done_callback(bad)
    f.add_done_callback(C().m)
    f.set_result(3)
    await asyncio.sleep(0)
    print("done")
asyncio.run(main2())
