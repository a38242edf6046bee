//! An embedding host that grants no capabilities: the OS, file and process
//! modules import, but every call that would reach the host raises
//! PermissionError (DESIGN decision 8).

use weft::embed::{Interpreter, RunError};

const SCRIPT: &str = r#"
import io, os, os.path, subprocess, shutil, tempfile, pathlib, glob
refused = []

def expect_refused(what, f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except PermissionError as e:
        assert "not permitted by the host" in str(e), str(e)
        refused.append(what)
    else:
        raise AssertionError(what + " was allowed without the capability")

expect_refused("open read", open, "/etc/hostname")
expect_refused("open write", open, "/tmp/weft-caps-test", "w")
expect_refused("io.open", io.open, "/etc/hostname")
expect_refused("listdir", os.listdir, "/")
expect_refused("scandir", os.scandir, "/")
expect_refused("stat", os.stat, "/")
expect_refused("getcwd", os.getcwd)
expect_refused("chdir", os.chdir, "/")
expect_refused("mkdir", os.mkdir, "/tmp/weft-caps-dir")
expect_refused("remove", os.remove, "/tmp/weft-caps-none")
expect_refused("rename", os.rename, "/tmp/a", "/tmp/b")
expect_refused("os.open", os.open, "/etc/hostname", os.O_RDONLY)
expect_refused("pipe", os.pipe)
expect_refused("system", os.system, "true")
expect_refused("kill", os.kill, os.getpid(), 0)
expect_refused("putenv", os.putenv, "WEFT_CAPS", "1")
expect_refused("environ set", os.environ.__setitem__, "WEFT_CAPS", "1")
expect_refused("subprocess.run", subprocess.run, ["true"])
expect_refused("Popen", subprocess.Popen, ["true"])
expect_refused("check_output", subprocess.check_output, "true", shell=True)
expect_refused("mkdtemp", tempfile.mkdtemp)
expect_refused("Path.read_text", pathlib.Path("/etc/hostname").read_text)
expect_refused("Path.cwd", pathlib.Path.cwd)
expect_refused("shutil.copyfile", shutil.copyfile, "/etc/hostname", "/tmp/x")
assert len(os.environ) == 0, "the environment is hidden"
assert os.path.exists("/") is False, "exists() answers False when stat is refused"
assert glob.glob("/*") == []
assert len(refused) == 24, refused
"#;

#[test]
fn no_capabilities_means_permission_error() {
    let mut interp = Interpreter::new();
    // Interpreter::new() grants nothing; say so explicitly all the same.
    interp.vm.caps = weft::vm::Caps::none();
    match interp.run_source("<caps>", SCRIPT) {
        Ok(()) => {}
        Err(RunError::Exception { text, .. }) => panic!("script failed:\n{text}"),
        Err(e) => panic!("script failed: {e:?}"),
    }
}
