# An asynchronous downloader (the seed's program): every URL on the command
# line is fetched at once with aiohttp and streamed to disk in chunks, so
# memory stays flat however large the files are. The file name is the last
# segment of the URL's path. One progress line per file, then a summary;
# the exit status is 1 when any download failed.
#
#   weft examples/downloader.py http://127.0.0.1:8000/a.zip http://127.0.0.1:8000/b.zip
import asyncio
import sys
import time

import aiohttp

CHUNK = 64 * 1024


def file_name(url):
    path = url.split("?", 1)[0].split("#", 1)[0]
    name = path.rstrip("/").rsplit("/", 1)[-1]
    if not name or "://" in path and path.count("/") < 3:
        name = "index.html"
    return name


async def download(session, url):
    name = file_name(url)
    size = 0
    async with session.get(url) as resp:
        resp.raise_for_status()
        with open(name, "wb") as f:
            async for chunk in resp.content.iter_chunked(CHUNK):
                f.write(chunk)
                size += len(chunk)
    print(f"{name}: {size} bytes", flush=True)
    return size


async def main(urls):
    start = time.monotonic()
    timeout = aiohttp.ClientTimeout(total=None, sock_connect=30, sock_read=60)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        results = await asyncio.gather(*(download(session, u) for u in urls),
                                       return_exceptions=True)
    failed = 0
    total = 0
    for url, r in zip(urls, results):
        if isinstance(r, BaseException):
            failed += 1
            print(f"failed: {url}: {type(r).__name__}: {r}", file=sys.stderr)
        else:
            total += r
    elapsed = time.monotonic() - start
    print(f"downloaded {len(urls) - failed} of {len(urls)} files, "
          f"{total} bytes in {elapsed:.2f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    urls = sys.argv[1:]
    if not urls:
        print("usage: downloader.py URL [URL...]  (downloads into the current folder)")
        sys.exit(0)
    sys.exit(asyncio.run(main(urls)))
