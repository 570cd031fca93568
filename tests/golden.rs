//! Golden differential test suite.
//!
//! Every `tests/golden/<area>/<name>.py` is run by `pvm` in two modes and its
//! output is compared against expectations recorded from CPython 3.11 by
//! `tests/bless.py`:
//!
//! * `interp::<area>/<name>` runs `pvm --no-jit <name>.py`
//! * `jit::<area>/<name>`    runs `pvm --jit-threshold 1 <name>.py`
//!
//! Both run with the program's directory as cwd and the bare file name as the
//! argument, exactly like the bless script runs `python3`.
//!
//! Expectation files next to each program:
//!
//! * `<name>.out`  exact stdout (bytes); missing = expect empty stdout
//! * `<name>.err`  last non-empty line of stderr; missing = expect empty stderr
//! * `<name>.stderr` the whole stderr, `{DIR}` for the program's directory (only for programs
//!   marked `# golden: full stderr`, e.g. traceback layouts)
//! * `<name>.code` exit status; missing = expect 0
//! * `<name>.stdin` (input, optional) fed to stdin; otherwise stdin is null
//!
//! Environment:
//!
//! * `PVM_GOLDEN_MODES=interp` (or `jit`, or `interp,jit`) restricts the modes.
//! * `PVM_GOLDEN_TIMEOUT=<seconds>` overrides the per-run timeout (default 20).
//! * `PVM_GOLDEN_BIN=<path>` runs another executable instead of the built
//!   `pvm` (it gets the same flags), e.g. to check the harness itself.
//!
//! Filtering is done by libtest-mimic on the trial name, e.g.
//! `cargo test --release --test golden -- interp::ints/`.

use libtest_mimic::{Arguments, Failed, Trial};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const PVM: &str = env!("CARGO_BIN_EXE_pvm");

fn pvm_bin() -> PathBuf {
    match std::env::var_os("PVM_GOLDEN_BIN") {
        Some(p) if !p.is_empty() => {
            let p = PathBuf::from(p);
            // Relative paths are resolved against the harness's cwd (cargo
            // runs tests in the package root), not the program's directory.
            if p.is_relative() {
                std::env::current_dir().map(|d| d.join(&p)).unwrap_or(p)
            } else {
                p
            }
        }
        _ => PathBuf::from(PVM),
    }
}
const GOLDEN_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");
const DEFAULT_TIMEOUT_SECS: u64 = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Interp,
    Jit,
}

impl Mode {
    fn prefix(self) -> &'static str {
        match self {
            Mode::Interp => "interp",
            Mode::Jit => "jit",
        }
    }

    fn flags(self) -> &'static [&'static str] {
        match self {
            Mode::Interp => &["--no-jit"],
            Mode::Jit => &["--jit-threshold", "1"],
        }
    }
}

fn main() {
    let args = Arguments::from_args();
    let modes = selected_modes();
    let timeout = Duration::from_secs(
        std::env::var("PVM_GOLDEN_TIMEOUT")
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(DEFAULT_TIMEOUT_SECS),
    );

    let root = PathBuf::from(GOLDEN_DIR);
    let mut programs = Vec::new();
    collect_programs(&root, &mut programs);
    programs.sort();

    // Programs listed in KNOWN_FAILURES (one `area/name  # reason` per line) are reported as ignored:
    // the list is the honest record of what pvm does not do yet. `-- --include-ignored` runs them.
    let known: std::collections::HashSet<String> =
        std::fs::read_to_string(root.join("KNOWN_FAILURES"))
            .unwrap_or_default()
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();

    let mut trials = Vec::new();
    for &mode in &modes {
        for program in &programs {
            let rel = program
                .strip_prefix(&root)
                .expect("program under golden dir")
                .with_extension("");
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let name = format!("{}::{}", mode.prefix(), rel);
            let program = program.clone();
            let ignored = known.contains(&rel);
            trials.push(
                Trial::test(name, move || run_one(&program, mode, timeout))
                    .with_ignored_flag(ignored),
            );
        }
    }

    libtest_mimic::run(&args, trials).exit();
}

fn selected_modes() -> Vec<Mode> {
    match std::env::var("PVM_GOLDEN_MODES") {
        Ok(s) if !s.trim().is_empty() => {
            let mut modes = Vec::new();
            for part in s.split(|c: char| c == ',' || c.is_whitespace()) {
                match part.trim() {
                    "" => {}
                    "interp" | "no-jit" => modes.push(Mode::Interp),
                    "jit" => modes.push(Mode::Jit),
                    other => {
                        eprintln!("PVM_GOLDEN_MODES: unknown mode {other:?} (use interp, jit)");
                        std::process::exit(2);
                    }
                }
            }
            modes.dedup();
            modes
        }
        _ => vec![Mode::Interp, Mode::Jit],
    }
}

/// Programs are the files `<area>/<name>.py` directly in an area directory whose name does not start
/// with `_`. Subdirectories of an area and `_`-prefixed files are not programs: they hold the modules
/// and packages that multi-file programs import (the program's directory is `sys.path[0]`).
fn collect_programs(root: &Path, out: &mut Vec<PathBuf>) {
    let read = |dir: &Path| match fs::read_dir(dir) {
        Ok(e) => e.map(|e| e.expect("dir entry").path()).collect::<Vec<_>>(),
        Err(e) => panic!("cannot read {}: {e}", dir.display()),
    };
    for area in read(root).into_iter().filter(|p| p.is_dir()) {
        for path in read(&area) {
            let is_program = path.is_file()
                && path.extension().is_some_and(|e| e == "py")
                && !path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('_'));
            if is_program {
                out.push(path);
            }
        }
    }
}

struct Expected {
    stdout: Vec<u8>,
    stderr_last: Option<String>,
    /// The whole stderr with the program's directory written `{DIR}` (programs marked
    /// `# golden: full stderr`).
    stderr_full: Option<String>,
    code: i32,
    stdin: Option<Vec<u8>>,
}

fn load_expected(program: &Path) -> Result<Expected, Failed> {
    let read_opt = |ext: &str| -> Result<Option<Vec<u8>>, Failed> {
        let p = program.with_extension(ext);
        match fs::read(&p) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("cannot read {}: {e}", p.display()).into()),
        }
    };
    let stdout = read_opt("out")?.unwrap_or_default();
    let stderr_last = read_opt("err")?
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .filter(|s| !s.is_empty());
    let code = match read_opt("code")? {
        None => 0,
        Some(b) => {
            let s = String::from_utf8_lossy(&b);
            s.trim()
                .parse::<i32>()
                .map_err(|e| format!("bad {}: {e}", program.with_extension("code").display()))?
        }
    };
    let stdin = read_opt("stdin")?;
    Ok(Expected {
        stdout,
        stderr_last,
        stderr_full: read_opt("stderr")?.map(|b| String::from_utf8_lossy(&b).into_owned()),
        code,
        stdin,
    })
}

struct RunResult {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: ExitStatus,
}

fn run_with_timeout(
    mut cmd: Command,
    stdin: Option<Vec<u8>>,
    timeout: Duration,
) -> Result<RunResult, String> {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("failed to spawn {:?}: {e}", cmd.get_program()))?;

    let stdin_thread = match (stdin, child.stdin.take()) {
        (Some(data), Some(mut pipe)) => Some(thread::spawn(move || {
            // The program may exit without reading all of its input; ignore EPIPE.
            let _ = pipe.write_all(&data);
        })),
        _ => None,
    };
    let out_reader = PipeReader::spawn(child.stdout.take().expect("stdout piped"));
    let err_reader = PipeReader::spawn(child.stderr.take().expect("stderr piped"));

    let start = Instant::now();
    let mut sleep = Duration::from_millis(1);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {
                if start.elapsed() >= timeout {
                    let _ = child.kill();
                    let _ = child.wait();
                    // Don't wait long for the pipes: a grandchild could hold them open.
                    let stdout = out_reader.finish(Duration::from_millis(500));
                    let stderr = err_reader.finish(Duration::from_millis(500));
                    return Err(format!(
                        "TIMEOUT: killed after {:.1}s\n{}{}",
                        timeout.as_secs_f64(),
                        tail_section("stdout (tail)", &stdout),
                        tail_section("stderr (tail)", &stderr),
                    ));
                }
                thread::sleep(sleep);
                sleep = (sleep * 2).min(Duration::from_millis(20));
            }
            Err(e) => return Err(format!("wait failed: {e}")),
        }
    };
    // The process has exited; its pipes normally close right away.
    let stdout = out_reader.finish(Duration::from_secs(5));
    let stderr = err_reader.finish(Duration::from_secs(5));
    if let Some(t) = stdin_thread {
        if t.is_finished() {
            let _ = t.join();
        }
    }
    Ok(RunResult {
        stdout,
        stderr,
        status,
    })
}

/// Drains a child's pipe on a thread into a shared buffer, so that a partial
/// result can be taken without blocking forever.
struct PipeReader {
    buf: Arc<Mutex<Vec<u8>>>,
    done: mpsc::Receiver<()>,
}

impl PipeReader {
    fn spawn<R: Read + Send + 'static>(mut pipe: R) -> PipeReader {
        let buf = Arc::new(Mutex::new(Vec::new()));
        let (tx, done) = mpsc::channel();
        let b = Arc::clone(&buf);
        thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            loop {
                match pipe.read(&mut chunk) {
                    Ok(0) => break,
                    Ok(n) => b.lock().unwrap().extend_from_slice(&chunk[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(_) => break,
                }
            }
            let _ = tx.send(());
        });
        PipeReader { buf, done }
    }

    /// Waits up to `wait` for EOF, then returns what was read so far.
    fn finish(self, wait: Duration) -> Vec<u8> {
        let _ = self.done.recv_timeout(wait);
        let data = self.buf.lock().unwrap();
        data.clone()
    }
}

fn run_one(program: &Path, mode: Mode, timeout: Duration) -> Result<(), Failed> {
    let expected = load_expected(program)?;
    let dir = program.parent().expect("program has a parent dir");
    let file = program.file_name().expect("program has a file name");

    let bin = pvm_bin();
    let mut cmd = Command::new(&bin);
    cmd.args(mode.flags()).arg(file).current_dir(dir);
    let shown_cmd = format!(
        "cd {} && {} {} {}",
        dir.display(),
        bin.display(),
        mode.flags().join(" "),
        file.to_string_lossy()
    );

    let got = run_with_timeout(cmd, expected.stdin.clone(), timeout)
        .map_err(|e| format!("{e}\ncommand: {shown_cmd}"))?;

    let mut problems = Vec::new();

    // Exit status.
    let got_code = exit_code(&got.status);
    if got_code != Some(expected.code) {
        let got_desc = match got_code {
            Some(c) => c.to_string(),
            None => describe_signal(&got.status),
        };
        problems.push(format!(
            "exit status: expected {}, got {}",
            expected.code, got_desc
        ));
    }

    // Stdout.
    if got.stdout != expected.stdout {
        problems.push(format!(
            "stdout differs:\n{}",
            diff_text(&expected.stdout, &got.stdout)
        ));
    }

    // Stderr: last non-empty line.
    let got_last = last_nonempty_line(&got.stderr);
    match (&expected.stderr_last, &got_last) {
        (None, None) => {}
        (Some(e), Some(g)) if e == g => {}
        (None, Some(_)) => problems.push(format!(
            "stderr: expected empty stderr, got:\n{}",
            tail_lines(&got.stderr, 15)
        )),
        (Some(e), None) => problems.push(format!(
            "stderr: expected last line\n    {e}\n  but stderr was empty"
        )),
        (Some(e), Some(g)) => problems.push(format!(
            "stderr last line differs:\n  expected: {e}\n  got:      {g}\n  full stderr tail:\n{}",
            tail_lines(&got.stderr, 15)
        )),
    }

    if let Some(want) = &expected.stderr_full {
        let got_full =
            String::from_utf8_lossy(&got.stderr).replace(dir.to_string_lossy().as_ref(), "{DIR}");
        if &got_full != want {
            problems.push(format!(
                "stderr (compared whole) differs:\n{}",
                diff_text(want.as_bytes(), got_full.as_bytes())
            ));
        }
    }

    if problems.is_empty() {
        Ok(())
    } else {
        let mut msg = format!("command: {shown_cmd}\n");
        // If stderr was not already shown, include its tail: it usually
        // explains the failure (panic message, unsupported feature...).
        let stderr_shown = problems.iter().any(|p| p.starts_with("stderr"));
        for p in &problems {
            msg.push_str(p);
            if !msg.ends_with('\n') {
                msg.push('\n');
            }
        }
        if !stderr_shown && !got.stderr.is_empty() {
            msg.push_str(&tail_section("stderr (tail)", &got.stderr));
        }
        Err(msg.into())
    }
}

fn exit_code(status: &ExitStatus) -> Option<i32> {
    status.code()
}

#[cfg(unix)]
fn describe_signal(status: &ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status.signal() {
        Some(sig) => {
            let name = match sig {
                4 => " (SIGILL)",
                6 => " (SIGABRT)",
                7 => " (SIGBUS)",
                8 => " (SIGFPE)",
                9 => " (SIGKILL)",
                11 => " (SIGSEGV)",
                _ => "",
            };
            format!("killed by signal {sig}{name}")
        }
        None => format!("{status}"),
    }
}

#[cfg(not(unix))]
fn describe_signal(status: &ExitStatus) -> String {
    format!("{status}")
}

fn last_nonempty_line(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .map(|l| l.to_string())
}

fn tail_lines(bytes: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(n);
    let mut s = String::new();
    if start > 0 {
        s.push_str(&format!("    ... ({start} earlier lines)\n"));
    }
    for l in &lines[start..] {
        s.push_str("    | ");
        s.push_str(&truncate(l, 300));
        s.push('\n');
    }
    s
}

fn tail_section(title: &str, bytes: &[u8]) -> String {
    if bytes.is_empty() {
        format!("{title}: <empty>\n")
    } else {
        format!("{title}:\n{}", tail_lines(bytes, 15))
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push_str("…");
        t
    }
}

/// A short, readable description of how `got` differs from `expected`:
/// line counts, the first differing line, and a few lines of context.
fn diff_text(expected: &[u8], got: &[u8]) -> String {
    let e = String::from_utf8_lossy(expected);
    let g = String::from_utf8_lossy(got);
    let el: Vec<&str> = e.split_inclusive('\n').collect();
    let gl: Vec<&str> = g.split_inclusive('\n').collect();
    let first = el
        .iter()
        .zip(gl.iter())
        .position(|(a, b)| a != b)
        .unwrap_or(el.len().min(gl.len()));

    let mut s = format!(
        "  expected {} lines ({} bytes), got {} lines ({} bytes); first difference at line {}\n",
        el.len(),
        expected.len(),
        gl.len(),
        got.len(),
        first + 1
    );
    let show = |l: &str| -> String {
        // Debug-format so trailing whitespace / missing newline is visible.
        truncate(&format!("{l:?}"), 400)
    };
    let ctx_start = first.saturating_sub(3);
    for (i, l) in el.iter().enumerate().take(first).skip(ctx_start) {
        s.push_str(&format!("   {:>5}   {}\n", i + 1, show(l)));
    }
    const AFTER: usize = 6;
    for i in first..(first + AFTER) {
        let a = el.get(i);
        let b = gl.get(i);
        if a.is_none() && b.is_none() {
            break;
        }
        match (a, b) {
            (Some(a), Some(b)) if a == b => {
                s.push_str(&format!("   {:>5}   {}\n", i + 1, show(a)));
            }
            _ => {
                match a {
                    Some(a) => s.push_str(&format!(" - {:>5}   {}\n", i + 1, show(a))),
                    None => s.push_str(&format!(" - {:>5}   <end of expected output>\n", i + 1)),
                }
                match b {
                    Some(b) => s.push_str(&format!(" + {:>5}   {}\n", i + 1, show(b))),
                    None => s.push_str(&format!(" + {:>5}   <end of actual output>\n", i + 1)),
                }
            }
        }
    }
    let shown_to = first + AFTER;
    if el.len() > shown_to || gl.len() > shown_to {
        s.push_str("   ...\n");
    }
    s.push_str("  (- expected, + got)\n");
    s
}
