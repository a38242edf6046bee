# Covers: the socket module without the event loop: socketpair send/recv,
# sendall, recv of b"" after shutdown(SHUT_WR), a non-blocking recv with no
# data raising BlockingIOError, settimeout + recv raising TimeoutError
# ("timed out"), gettimeout/getblocking, a refused connection's
# ConnectionRefusedError with errno 111, a closed socket's fileno of -1 and
# EBADF on use, bind/listen/accept on 127.0.0.1 with a blocking client,
# getsockname/getpeername and the context manager.
import socket

a, b = socket.socketpair()
a.sendall(b"hello")
print("pair:", b.recv(10))
a.shutdown(socket.SHUT_WR)
print("after SHUT_WR:", b.recv(10))
b.setblocking(False)
print("blocking:", b.getblocking(), b.gettimeout())
try:
    c, d = socket.socketpair()
    d.setblocking(False)
    d.recv(10)
except BlockingIOError as e:
    print("BlockingIOError errno:", e.errno)
d.settimeout(0.05)
print("timeout:", d.gettimeout(), d.getblocking())
try:
    d.recv(10)
except TimeoutError as e:
    print("TimeoutError:", e)
for s in (a, b, c, d):
    s.close()
print("closed fileno:", a.fileno())
try:
    a.send(b"x")
except OSError as e:
    print("closed send:", type(e).__name__, e.errno)

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as srv:
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    port = srv.getsockname()[1]
    cli = socket.create_connection(("127.0.0.1", port))
    conn, addr = srv.accept()
    with conn, cli:
        print("peer matches:", cli.getpeername() == ("127.0.0.1", port), addr[0])
        cli.sendall(b"ping")
        print("server got:", conn.recv(4))
        conn.sendall(b"pong")
        print("client got:", cli.recv(4))

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
free_port = probe.getsockname()[1]
probe.close()
s = socket.socket()
try:
    s.connect(("127.0.0.1", free_port))
except ConnectionRefusedError as e:
    print("refused:", e.errno, e.strerror)
finally:
    s.close()
print("connect_ex:", socket.socket().connect_ex(("127.0.0.1", free_port)))
