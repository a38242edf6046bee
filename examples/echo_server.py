# An echo server on asyncio streams: every line a client sends comes back.
#
#   weft examples/echo_server.py 8888        serve on 127.0.0.1:8888 until Ctrl-C
#   weft examples/echo_client.py 8888 hi     talk to it
#
# With no port it serves on a free port, runs one client against itself,
# and stops (so it can run as a test).
import asyncio
import sys


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    async for line in reader:
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()
    if len(sys.argv) > 1:
        print("closed", peer[0], flush=True)
    handled.set()


async def self_test(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for text in ("hello", "echo server"):
        writer.write(text.encode() + b"\n")
        await writer.drain()
        print("echoed:", (await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    await handled.wait()


async def main():
    global handled
    handled = asyncio.Event()
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    server = await asyncio.start_server(handle, "127.0.0.1", port)
    port = server.sockets[0].getsockname()[1]
    async with server:
        if len(sys.argv) > 1:
            print(f"serving on 127.0.0.1:{port}", flush=True)
            await server.serve_forever()
        else:
            await self_test(port)


try:
    asyncio.run(main())
except KeyboardInterrupt:
    pass
