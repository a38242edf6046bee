# Covers: sys.stdin iteration, readline, readlines, read and .buffer in a
# child interpreter fed through a pipe (sys.executable), input() reading
# the same stream, and stdout flushed before a read.
# Needs its own process: it starts sys.executable as a child interpreter.
import subprocess
import sys

child = r'''
import sys
print("first:", repr(sys.stdin.readline()))
print("input:", repr(input("prompt> ")))
for i, line in enumerate(sys.stdin):
    print(i, repr(line))
    if i == 1:
        break
print("lines:", sys.stdin.readlines()[:2])
print("rest:", repr(sys.stdin.read()))
'''
data = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n"
r = subprocess.run([sys.executable, "-c", child], input=data, capture_output=True, text=True)
print(r.stdout, r.returncode)
child2 = r'''
import sys
b = sys.stdin.buffer
print(b.readline(), b.read(3), b.read())
'''
r = subprocess.run([sys.executable, "-c", child2], input=b"bin\nxyz-tail", capture_output=True)
print(r.stdout.decode(), r.returncode)
child3 = r'''
import io, sys
sys.stdin = io.StringIO("from stringio\n")
print(input())
try:
    input()
except EOFError as e:
    print("EOFError", e)
'''
r = subprocess.run([sys.executable, "-c", child3], capture_output=True, text=True, input="")
print(r.stdout, r.returncode)
r = subprocess.run([sys.executable, "-c", "print(input('x'))"], capture_output=True, text=True, input="")
print(repr(r.stdout), r.returncode, r.stderr.strip().splitlines()[-1])
