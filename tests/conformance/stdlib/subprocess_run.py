# Covers: subprocess.run (capture_output, text, input, check, cwd, env,
# shell, stdout/stderr redirection, STDOUT, DEVNULL, timeout),
# CompletedProcess repr and check_returncode, check_output, check_call,
# call, getoutput, getstatusoutput, CalledProcessError/TimeoutExpired text,
# FileNotFoundError for a missing program.
import os
import subprocess

r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r)
print(r.args, r.returncode, r.stdout, r.stderr)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr), r.returncode)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print(e, e.returncode, repr(e.output), repr(e.stderr), e.cmd)
r = subprocess.run(["cat"], input=b"piped\n", stdout=subprocess.PIPE)
print(r.stdout, r.stderr)
r = subprocess.run("tr a-z A-Z", shell=True, input="shout\n", capture_output=True, text=True)
print(r.stdout, r.args)
r = subprocess.run(["sh", "-c", "echo 1; echo 2 >&2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r.stdout)
r = subprocess.run(["sh", "-c", "echo gone; echo gone2 >&2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(r)
print(subprocess.run(["pwd"], cwd="/", capture_output=True, text=True).stdout)
env = {"PATH": os.environ.get("PATH", "/bin:/usr/bin"), "ONLY": "this"}
print(subprocess.run(["sh", "-c", "echo $ONLY-$HOME-"], env=env, capture_output=True, text=True).stdout)
os.environ["WEFT_INHERIT"] = "yes"
print(subprocess.run("echo $WEFT_INHERIT", shell=True, capture_output=True, text=True).stdout)
try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd, str(e).startswith("Command '['sleep', '5']' timed out after 0."))
try:
    subprocess.run(["sh", "-c", "echo partial; sleep 30"], capture_output=True, timeout=3)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.output, e.stdout)
try:
    subprocess.run(["no-such-program-weft", "x"])
except FileNotFoundError as e:
    print("FileNotFoundError", e, e.errno, e.filename)
try:
    subprocess.run(["ls"], cwd="/no/such/dir")
except FileNotFoundError as e:
    print("FileNotFoundError", e)
print(subprocess.check_output(["echo", "co"]), subprocess.check_output("echo $((6*7))", shell=True, text=True))
print(subprocess.check_call(["true"]), subprocess.call(["sh", "-c", "exit 7"]))
try:
    subprocess.check_call(["sh", "-c", "exit 2"])
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.getoutput("echo a; echo b >&2"), subprocess.getstatusoutput("echo x; exit 4"))
big = subprocess.run(["sh", "-c", "head -c 300000 /dev/zero"], capture_output=True).stdout
print(len(big))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL, issubclass(subprocess.CalledProcessError, subprocess.SubprocessError))
print(subprocess.CompletedProcess(["x"], 0), subprocess.CompletedProcess("y", 1, "o", "e"))
