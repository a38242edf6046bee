# Covers: errno names and errorcode (aliases included), os.strerror of
# them, OSError subclass selection by errno, and the stat module's
# S_IS* tests, S_IMODE/S_IFMT and filemode.
import errno
import os
import stat

for name in ["ENOENT", "EEXIST", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "EINTR", "EAGAIN",
             "EWOULDBLOCK", "EPIPE", "ECHILD", "ESRCH", "ETIMEDOUT", "ECONNREFUSED", "EINVAL",
             "ENOTEMPTY", "EDEADLK", "EDEADLOCK", "ENOTSUP", "EOPNOTSUPP", "ENOSPC", "EBADF"]:
    n = getattr(errno, name)
    print(name, n, errno.errorcode[n], os.strerror(n))
print(len([n for n in dir(errno) if n.startswith("E")]) == len(set(errno.errorcode.values())) + 3)
print(sorted(errno.errorcode)[:5], errno.errorcode[1])
try:
    open("/no/such/file/here")
except OSError as e:
    print(type(e).__name__, e.errno == errno.ENOENT, e.strerror)
try:
    os.rmdir("/")
except OSError as e:
    print(e.errno in (errno.EBUSY, errno.EPERM, errno.EACCES))
modes = {"reg": 0o100644, "dir": 0o040755, "lnk": 0o120777, "fifo": 0o010600, "sock": 0o140755,
         "chr": 0o020666, "blk": 0o060660, "suid": 0o104755, "sticky": 0o041777, "sgid": 0o102710}
for name, m in modes.items():
    print(name, stat.S_ISREG(m), stat.S_ISDIR(m), stat.S_ISLNK(m), stat.S_ISFIFO(m), stat.S_ISSOCK(m),
          stat.S_ISCHR(m), stat.S_ISBLK(m), oct(stat.S_IMODE(m)), oct(stat.S_IFMT(m)), stat.filemode(m))
print(stat.S_IRWXU, stat.S_IRUSR | stat.S_IWUSR, stat.S_IXOTH, stat.ST_MTIME, stat.UF_HIDDEN)
