//! Capabilities (DESIGN decision 8): what a script may reach outside the
//! VM. The CLI grants everything, as python does; an embedding host starts
//! with nothing and opts in. Every native that touches the host's files,
//! network, processes, environment or real clock asks `Vm::require` first,
//! and a refusal is a PermissionError the script can catch.

use std::path::{Path, PathBuf};

use crate::object::PyResult;
use crate::vm::Vm;

/// One kind of access a native may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    /// Reading files and folders (open for reading, listdir, stat, imports
    /// from the file system).
    FsRead,
    /// Creating, writing, renaming and removing files and folders.
    FsWrite,
    /// Sockets and name resolution.
    Net,
    /// Starting child processes and sending signals.
    Subprocess,
    /// Reading and changing environment variables.
    Env,
    /// The host's wall clock (time.time, datetime.now); without it the
    /// script sees a clock that starts at the epoch.
    RealClock,
}

#[derive(Debug, Clone, Default)]
pub struct Caps {
    pub fs_read: bool,
    pub fs_write: bool,
    /// When non-empty, file access is limited to these folders.
    pub fs_roots: Vec<PathBuf>,
    pub net: bool,
    pub subprocess: bool,
    pub env: bool,
    pub real_clock: bool,
}

impl Caps {
    /// Everything granted (the CLI).
    pub fn all() -> Caps {
        Caps {
            fs_read: true,
            fs_write: true,
            fs_roots: Vec::new(),
            net: true,
            subprocess: true,
            env: true,
            real_clock: true,
        }
    }

    /// Nothing granted (an embedding host's default).
    pub fn none() -> Caps {
        Caps::default()
    }

    pub fn allows(&self, cap: Cap) -> bool {
        match cap {
            Cap::FsRead => self.fs_read,
            Cap::FsWrite => self.fs_write,
            Cap::Net => self.net,
            Cap::Subprocess => self.subprocess,
            Cap::Env => self.env,
            Cap::RealClock => self.real_clock,
        }
    }

    /// Whether `path` lies inside the granted folders (any path when no
    /// folder was named). The path is made absolute and its `..` parts
    /// resolved against the real file system where it exists.
    pub fn path_allowed(&self, path: &Path) -> bool {
        if self.fs_roots.is_empty() {
            return true;
        }
        let abs = absolute(path);
        self.fs_roots.iter().any(|r| abs.starts_with(absolute(r)))
    }
}

/// `path` made absolute, with symlinks and `..` resolved as far as the
/// path exists (a file about to be created resolves through its folder).
fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => absolute(parent).join(name),
        _ => std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf()),
    }
}

impl Vm {
    /// PermissionError unless the host granted `cap`; `what` names the
    /// operation for the message ("open", "socket", "subprocess"...).
    pub fn require(&mut self, cap: Cap, what: &str) -> PyResult<()> {
        if self.caps.allows(cap) {
            return Ok(());
        }
        let e = self.t.permission_error;
        Err(self.new_error(
            e,
            format!("{what}: not permitted by the host (capability {cap:?} not granted)"),
        ))
    }

    /// `require` for a file-system operation on `path`, also checking
    /// the granted folders.
    pub fn require_path(&mut self, cap: Cap, what: &str, path: &Path) -> PyResult<()> {
        self.require(cap, what)?;
        if self.caps.path_allowed(path) {
            return Ok(());
        }
        let e = self.t.permission_error;
        Err(self.new_error(
            e,
            format!(
                "{what}: '{}' is outside the folders the host granted",
                path.display()
            ),
        ))
    }
}
