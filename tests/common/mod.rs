//! Helpers shared by the CLI tests (tests/cli.rs, tests/cache.rs, tests/repl.rs).
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A scratch directory, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "pvm-test-{}-{}-{}",
            tag,
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
    /// Write `rel` (creating parent directories).
    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.0.join(rel);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `pvm` with a clean environment: no PYTHON* or PVM_* variables from the caller (they change caching,
/// buffering and the search path), running in `dir`.
pub fn pvm(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pvm"));
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().to_string();
        if k.starts_with("PYTHON") || k.starts_with("PVM_") {
            c.env_remove(&k);
        }
    }
    c.current_dir(dir);
    c
}

/// Run with `stdin` fed (or /dev/null) and collect the output.
pub fn run(mut c: Command, stdin: Option<&str>) -> Output {
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    c.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = c.spawn().expect("spawn pvm");
    if let Some(s) = stdin {
        let mut w = child.stdin.take().unwrap();
        w.write_all(s.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// CPython 3.11, when installed (tests comparing with it are skipped otherwise).
pub fn python3() -> Option<String> {
    for p in ["python3.11", "python3"] {
        let ok = Command::new(p)
            .args(["-c", "import sys; assert sys.version_info[:2] == (3, 11)"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(p.to_string());
        }
    }
    None
}
