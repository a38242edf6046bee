# Built-ins written in weft (they await or call user code in a loop).


async def _anext_default(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
