# Covers: subprocess.Popen: pipes as file objects (stdin/stdout/stderr),
# communicate(input, timeout), wait/poll/returncode, kill/terminate/
# send_signal with negative return codes, pid, args, context manager,
# text mode, and shlex.split/quote/join feeding a command line.
import shlex
import subprocess

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(type(p.pid).__name__, p.args, p.returncode, p.poll())
out, err = p.communicate(b"through cat\n")
print(out, err, p.returncode, p.wait(), p.poll())
with subprocess.Popen(["sh", "-c", "echo a; echo b >&2; exit 5"], stdout=subprocess.PIPE,
                      stderr=subprocess.PIPE, text=True) as p:
    print(repr(p.stdout.read()), repr(p.stderr.read()))
print(p.returncode)
p = subprocess.Popen(["sh", "-c", "read x; echo got-$x"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
p.stdin.write("value\n")
p.stdin.close()
print(p.stdout.read(), p.wait())
p.stdout.close()
p = subprocess.Popen(["sleep", "10"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e)
p.kill()
print(p.wait())
p = subprocess.Popen(["sleep", "10"])
p.terminate()
print(p.wait())
p = subprocess.Popen(["sleep", "10"])
p.send_signal(2)
print(p.wait(), p.returncode)
p = subprocess.Popen(["sh", "-c", "sleep 10"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd)
p.kill()
print(p.communicate(), p.returncode)
p = subprocess.Popen("exit 3", shell=True)
print(p.wait(), p.args)
p = subprocess.Popen(["true"])
p.wait()
p.kill()
print("kill after exit ok", p.returncode)
cmd = shlex.join(["printf", "%s|", "it's", "a b", ""])
print(cmd)
print(shlex.split(cmd), subprocess.run(shlex.split(cmd), capture_output=True, text=True).stdout)
print(subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout)
print(shlex.split("a 'b c' \"d \\\" e\" f\\ g # h"), shlex.split("x # y", comments=True))
print(shlex.quote(""), shlex.quote("safe-._/@%+=:,"), shlex.quote("sp ace"), shlex.quote("q'uote"))
for bad in ["'open", 'a "b', "tail\\"]:
    try:
        shlex.split(bad)
    except ValueError as e:
        print("ValueError", e)
lex = shlex.shlex("a=1; b = 'x y' # note", posix=True)
print(list(lex))
lex = shlex.shlex("ls -l | grep foo && echo done", punctuation_chars=True)
print(list(lex))
lex = shlex.shlex("one two")
print(lex.get_token(), lex.get_token(), repr(lex.get_token()))
lex = shlex.shlex("one two", posix=True)
lex.push_token("zero")
print(lex.get_token(), lex.get_token(), lex.get_token(), lex.get_token())
print(shlex.split("a  b\tc\nd"), shlex.split(""), shlex.split("''"), shlex.split("a''b"))
