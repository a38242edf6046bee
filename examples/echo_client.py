# The echo server's client: sends each argument as a line and prints what
# comes back.
#
#   weft examples/echo_client.py 8888 hello world
#
# With no port it starts a throwaway echo server in the same program.
import asyncio
import sys


async def echo(reader, writer):
    async for line in reader:
        writer.write(line)
        await writer.drain()
    writer.close()


async def main():
    server = None
    if len(sys.argv) > 1:
        port = int(sys.argv[1])
        words = sys.argv[2:] or ["hello"]
    else:
        server = await asyncio.start_server(echo, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        words = ["one", "two", "three"]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in words:
        writer.write(word.encode() + b"\n")
        await writer.drain()
        reply = await reader.readline()
        print(f"sent {word!r}, got {reply.decode().strip()!r}")
    writer.close()
    await writer.wait_closed()
    if server is not None:
        server.close()
        await server.wait_closed()


asyncio.run(main())
