//! Limits and bad input at the process level (issue 8): Ctrl-C gives `KeyboardInterrupt` with a
//! traceback and death by SIGINT (exit status 130 in a shell), also inside JIT-compiled loops and
//! `time.sleep`; bad script files are reported exactly as CPython reports them (the program name, which
//! CPython takes from its argv[0], aside).

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn pvm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pvm"))
}

fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("pvm-robust-{}-{}", tag, std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Run `args` with SIGINT at its default action in the child (a test runner may ignore it, and both
/// CPython and pvm keep an inherited SIG_IGN), wait for the first stdout line, send SIGINT, and collect
/// the outcome.
fn interrupt_after_first_line(args: &[&str], dir: &Path) -> (Output, String) {
    let mut cmd = pvm();
    cmd.args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: between fork and exec only async-signal-safe calls are allowed; signal() is one.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    // Let the loop get going (and, with the JIT forced hot, into native code).
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: sending a signal to our own child process.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGINT);
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("pvm {args:?} did not stop after SIGINT");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    let o = child.wait_with_output().unwrap();
    (o, first + &rest)
}

const HOT_LOOP: &str = "\
def spin():
    i = 0
    x = 0.0
    while True:
        i += 1
        x += 0.5
print('ready', flush=True)
spin()
";

#[test]
fn sigint_in_a_loop_is_keyboard_interrupt_and_death_by_sigint() {
    let dir = tmpdir("sigint");
    std::fs::write(dir.join("spin.py"), HOT_LOOP).unwrap();
    for mode in [&["--no-jit"][..], &["--jit-threshold", "1"][..], &[][..]] {
        let mut args = mode.to_vec();
        args.push("spin.py");
        let (o, stdout) = interrupt_after_first_line(&args, &dir);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(stdout, "ready\n");
        assert_eq!(o.status.signal(), Some(libc::SIGINT), "{mode:?}: {err}");
        assert!(
            err.starts_with("Traceback (most recent call last):\n"),
            "{err}"
        );
        assert!(err.contains("in spin\n"), "{mode:?}: {err}");
        assert!(err.ends_with("\nKeyboardInterrupt\n"), "{mode:?}: {err}");
    }
}

#[test]
fn keyboard_interrupt_can_be_caught_and_interrupts_sleep() {
    let dir = tmpdir("sigint-catch");
    let src = "\
import time
def spin():
    n = 0
    while True:
        n += 1
try:
    print('ready', flush=True)
    spin()
except KeyboardInterrupt:
    print('caught')
try:
    time.sleep(0.01)
finally:
    print('slept')
print('done')
";
    std::fs::write(dir.join("catch.py"), src).unwrap();
    for mode in ["--no-jit", "--jit-threshold=1"] {
        let (o, stdout) = interrupt_after_first_line(&[mode, "catch.py"], &dir);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(stdout, "ready\ncaught\nslept\ndone\n");
    }
    let src = "import time\nprint('ready', flush=True)\ntime.sleep(60)\n";
    std::fs::write(dir.join("sleep.py"), src).unwrap();
    let start = Instant::now();
    let (o, _) = interrupt_after_first_line(&["sleep.py"], &dir);
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_eq!(o.status.signal(), Some(libc::SIGINT));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("time.sleep(60)") && err.ends_with("KeyboardInterrupt\n"),
        "{err}"
    );
}

/// CPython's stderr and status for the same script, with its program name (its argv[0], or the
/// executable a launcher ran) replaced by `prog`.
fn cpython(script: &Path, dir: &Path, prog: &str) -> Option<(String, i32)> {
    let o = Command::new("python3")
        .arg(script)
        .current_dir(dir)
        .output()
        .ok()?;
    let err: String = String::from_utf8_lossy(&o.stderr)
        .lines()
        .map(|l| match l.find(": can't ") {
            Some(i) => format!("{prog}{}\n", &l[i..]),
            None => format!("{l}\n"),
        })
        .collect();
    Some((err, o.status.code().unwrap_or(-1)))
}

#[test]
fn bad_script_files_are_reported_like_cpython() {
    let dir = tmpdir("badfiles");
    std::fs::create_dir_all(dir.join("adir")).unwrap();
    std::fs::write(dir.join("nonutf8.py"), b"print(1)\nx = '\xff'\n").unwrap();
    std::fs::write(dir.join("nul.py"), b"print(1)\nx = 1\0\n").unwrap();
    std::fs::write(dir.join("unknown.py"), b"# -*- coding: foo -*-\nprint(1)\n").unwrap();
    std::fs::write(
        dir.join("bomlatin.py"),
        b"\xef\xbb\xbf# coding: latin-1\nprint(1)\n",
    )
    .unwrap();
    let prog = env!("CARGO_BIN_EXE_pvm");
    let expected: &[(&str, String, i32)] = &[
        (
            "missing.py",
            format!(
                "{prog}: can't open file '{}': [Errno 2] No such file or directory\n",
                dir.join("missing.py").display()
            ),
            2,
        ),
        (
            "adir",
            format!(
                "{prog}: can't find '__main__' module in '{}'\n",
                dir.join("adir").display()
            ),
            1,
        ),
        (
            "nonutf8.py",
            format!(
                "SyntaxError: Non-UTF-8 code starting with '\\xff' in file {} on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
                dir.join("nonutf8.py").display()
            ),
            1,
        ),
        (
            "nul.py",
            format!(
                "  File \"{}\", line 2\n    x = 1\nSyntaxError: source code cannot contain null bytes\n",
                dir.join("nul.py").display()
            ),
            1,
        ),
        ("unknown.py", "SyntaxError: encoding problem: foo\n".into(), 1),
        (
            "bomlatin.py",
            "SyntaxError: encoding problem: iso-8859-1 with BOM\n".into(),
            1,
        ),
    ];
    for (name, want, code) in expected {
        let o = pvm().arg(name).current_dir(&dir).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(&err, want, "{name}");
        assert_eq!(o.status.code(), Some(*code), "{name}");
        assert!(o.stdout.is_empty(), "{name}");
        // The expectations above are CPython's (when python3 is there to say so).
        if let Some((cp_err, cp_code)) = cpython(Path::new(name), &dir, prog) {
            assert_eq!(&cp_err, want, "CPython on {name}");
            assert_eq!(cp_code, *code, "CPython on {name}");
        }
    }
}

#[test]
fn declared_latin1_source_runs() {
    let dir = tmpdir("latin1");
    std::fs::write(
        dir.join("l1.py"),
        b"# -*- coding: latin-1 -*-\nprint('caf\xe9', len('\xe9'))\n",
    )
    .unwrap();
    let o = pvm().arg("l1.py").current_dir(&dir).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout), "caf\u{e9} 1\n");
    assert!(o.status.success());
}

#[test]
fn unreadable_script_is_errno_13() {
    // Root reads any file: run as nobody (setpriv, from util-linux) when we can.
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    if !is_root {
        eprintln!("skipped: needs root to switch to an unprivileged user");
        return;
    }
    let dir = tmpdir("unreadable");
    let f = dir.join("secret.py");
    std::fs::write(&f, "print(1)\n").unwrap();
    std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&f, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let prog = env!("CARGO_BIN_EXE_pvm");
    let Ok(o) = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", prog])
        .arg(&f)
        .output()
    else {
        eprintln!("skipped: no setpriv");
        return;
    };
    let err = String::from_utf8_lossy(&o.stderr);
    if err.contains("Permission denied") && !err.contains("can't open file") {
        eprintln!("skipped: nobody cannot run {prog}: {err}");
        return;
    }
    assert_eq!(
        err,
        format!(
            "{prog}: can't open file '{}': [Errno 13] Permission denied\n",
            f.display()
        )
    );
    assert_eq!(o.status.code(), Some(2));
}

/// Results that grow step by step past the memory the process may use are a MemoryError, not Rust's
/// abort on allocation failure: the growth paths reserve fallibly (`alloc::grow`, `alloc::reserve_str`).
/// The address space is capped at 640 MiB so that the failure comes quickly (pvm then runs on a
/// smaller thread stack: src/main.rs).
#[test]
fn gradual_growth_past_the_address_space_is_memory_error() {
    let prog = "\
def forever():
    while True:
        yield 1
def attempt(what, f):
    try:
        f()
        print(what, 'fit')
    except MemoryError:
        print(what, 'MemoryError')
attempt('list of a generator', lambda: list(forever()))
attempt('repr of list', lambda: repr(['a' * 2**24] * 2**5))
attempt('translate', lambda: ('a' * 2**4).translate({97: 'x' * 2**25}))
attempt('still alive', lambda: len(list(range(10))))
";
    let mut cmd = pvm();
    cmd.args(["-c", prog]).stdin(Stdio::null());
    // SAFETY: between fork and exec only async-signal-safe calls are allowed; setrlimit is one.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: 640 << 20,
                rlim_max: 640 << 20,
            };
            libc::setrlimit(libc::RLIMIT_AS, &lim);
            Ok(())
        });
    }
    let o = cmd.output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        out,
        "list of a generator MemoryError\nrepr of list MemoryError\ntranslate MemoryError\nstill alive fit\n",
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success());
}
