# Shows: cancelling a task. The worker loops forever, printing after each
# sleep; main() lets it run for a while, then calls task.cancel(). The
# cancellation arrives as CancelledError at the worker's `await`, so its
# `finally` block runs (cleanup always happens); awaiting the cancelled task
# then raises CancelledError in main(), which catches it.
import asyncio


async def worker():
    print("Starting worker...")
    try:
        while True:
            await asyncio.sleep(0.12)
            print("Message from worker")
    except asyncio.CancelledError:
        print("worker: cancelled while sleeping")
        raise
    finally:
        print("worker: cleaning up")


async def main():
    task = asyncio.create_task(worker())
    print("task created, done:", task.done())
    await asyncio.sleep(0.3)

    print("cancel() returned:", task.cancel())
    print("done right after cancel():", task.done())
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task has been cancelled")

    print("cancelled:", task.cancelled())
    print("cancel() on a finished task:", task.cancel())


asyncio.run(main())
