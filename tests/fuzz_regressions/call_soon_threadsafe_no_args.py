import asyncio
asyncio.new_event_loop().call_soon_threadsafe()
