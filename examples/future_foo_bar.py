# Shows: a low-level asyncio.Future shared by two coroutines. foo() awaits
# the future and is suspended until somebody gives it a value; bar() sleeps,
# then resolves it with set_result(), which wakes foo(). Both run
# concurrently under gather().
import asyncio


async def bar(future):
    print("bar will sleep for 0.2 seconds")
    await asyncio.sleep(0.2)
    print("bar resolving the future")
    future.set_result("future is resolved")


async def foo(future):
    print("foo will await the future")
    value = await future
    print("foo finds the future resolved")
    return value


async def main():
    future = asyncio.get_running_loop().create_future()
    print("future done before gather:", future.done())
    results = await asyncio.gather(foo(future), bar(future))
    print("gather results:", results)
    print("future result:", future.result())


if __name__ == "__main__":
    asyncio.run(main())
    print("main exiting")
