# Covers: talking to a child through Popen pipes line by line (readline
# returns as soon as the line arrives), read(n) on a binary pipe,
# iteration over a text pipe with universal newlines, and file objects
# from os.pipe() through open(fd) and os.fdopen.
import os
import subprocess

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
for word in ["alpha", "beta", "caf\u00e9"]:
    p.stdin.write(word + "\n")
    p.stdin.flush()
    print(ascii(p.stdout.readline()))
p.stdin.close()
print(repr(p.stdout.read()), p.wait())
p.stdout.close()
p = subprocess.Popen(["sh", "-c", "printf 'x\\r\\ny\\rz'"], stdout=subprocess.PIPE, text=True)
print([line for line in p.stdout], p.wait())
p.stdout.close()
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write(b"12345\n")
p.stdin.flush()
print(p.stdout.read(3), p.stdout.readline())
p.stdin.close()
print(p.stdout.read(), p.wait())
p.stdout.close()
r, w = os.pipe()
with os.fdopen(w, "w") as wf:
    wf.write("through a pipe\nsecond\n")
with open(r) as rf:
    print(rf.readline(), rf.readlines(), rf.name == r)
r, w = os.pipe()
wf = open(w, "wb", closefd=False)
wf.write(b"kept open")
wf.close()
os.close(w)
print(os.read(r, 100), os.read(r, 100))
os.close(r)
