# A static file server written with asyncio streams (HTTP/1.1, GET and
# HEAD, keep-alive, files streamed in 64 KiB chunks so memory stays flat).
#
#   weft examples/http_server.py 8000 /some/folder    serve until Ctrl-C
#   weft examples/downloader.py http://127.0.0.1:8000/file.bin
#
# With no arguments it serves this folder on a free port, fetches one file
# from itself and stops (so it can run as a test).
import asyncio
import sys

ROOT = "."
CHUNK = 65536
TYPES = {"html": "text/html", "txt": "text/plain", "py": "text/x-python",
         "json": "application/json", "out": "text/plain"}


async def respond(writer, status, reason, headers, body=b""):
    head = [f"HTTP/1.1 {status} {reason}"]
    head += [f"{k}: {v}" for k, v in headers]
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
    if body:
        writer.write(body)
    await writer.drain()


async def send_file(writer, method, path):
    try:
        f = open(path, "rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
        body = b"not found\n"
        await respond(writer, 404, "Not Found",
                      [("Content-Type", "text/plain"), ("Content-Length", len(body))],
                      b"" if method == "HEAD" else body)
        return
    with f:
        size = 0
        while True:
            block = f.read(CHUNK)
            if not block:
                break
            size += len(block)
        f.seek(0)
        ext = path.rsplit(".", 1)[-1] if "." in path else ""
        ctype = TYPES.get(ext, "application/octet-stream")
        await respond(writer, 200, "OK", [("Content-Type", ctype), ("Content-Length", size)])
        if method == "HEAD":
            return
        while True:
            block = f.read(CHUNK)
            if not block:
                break
            writer.write(block)
            await writer.drain()


async def handle(reader, writer):
    try:
        while True:
            try:
                request = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                break
            lines = request.decode("latin-1").split("\r\n")
            parts = lines[0].split(" ")
            if len(parts) != 3:
                await respond(writer, 400, "Bad Request", [("Content-Length", 0)])
                break
            method, target, _ = parts
            headers = {}
            for line in lines[1:]:
                if ":" in line:
                    k, v = line.split(":", 1)
                    headers[k.strip().lower()] = v.strip()
            path = target.split("?", 1)[0]
            if method not in ("GET", "HEAD"):
                await respond(writer, 405, "Method Not Allowed",
                              [("Allow", "GET, HEAD"), ("Content-Length", 0)])
            elif ".." in path.split("/"):
                await respond(writer, 403, "Forbidden", [("Content-Length", 0)])
            else:
                await send_file(writer, method, ROOT + "/" + path.lstrip("/"))
            if headers.get("connection", "").lower() == "close":
                break
    finally:
        writer.close()


async def fetch(port, path):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    status = (await reader.readline()).decode().strip()
    length = None
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        k, v = line.decode().split(":", 1)
        if k.lower() == "content-length":
            length = int(v)
    body = await reader.read()
    writer.close()
    await writer.wait_closed()
    return status, length, body


async def main():
    global ROOT
    if len(sys.argv) > 1:
        port = int(sys.argv[1])
        ROOT = sys.argv[2] if len(sys.argv) > 2 else "."
        server = await asyncio.start_server(handle, "127.0.0.1", port)
        print(f"serving {ROOT} on http://127.0.0.1:{server.sockets[0].getsockname()[1]}/",
              flush=True)
        async with server:
            await server.serve_forever()
        return
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        status, length, body = await fetch(port, "/http_server.py")
        with open("http_server.py", "rb") as f:
            same = f.read() == body
        print(status, "| length header matches body:", length == len(body), "| same bytes:", same)
        status, length, body = await fetch(port, "/no/such/file")
        print(status, body)


try:
    asyncio.run(main())
except KeyboardInterrupt:
    pass
