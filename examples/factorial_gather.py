# Shows: asyncio.gather() running three coroutines concurrently. Each
# factorial job prints a line and sleeps once per step; sleeps of equal
# length wake in the order they started, so A, B and C take turns and the
# shorter jobs drop out first. gather() returns the results in argument order.
import asyncio


async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print(f"Task {name}: Compute factorial({i})...")
        await asyncio.sleep(0.05)
        f *= i
    print(f"Task {name}: factorial({number}) = {f}")
    return f


async def main():
    results = await asyncio.gather(
        factorial("A", 2),
        factorial("B", 3),
        factorial("C", 4),
    )
    print(results)


asyncio.run(main())
