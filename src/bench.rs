//! `pvm bench script.py [args]`: time a user's script under pvm and CPython (and, with `--vs`, other
//! interpreters such as PyPy), interleaved, and check that every interpreter prints the same thing.
//!
//! Each run is one child process: wall time from spawn to exit, CPU time (user + sys) and peak RSS from
//! `wait4`'s `rusage` of that child. The reference is CPython (`python3`, resolved once through
//! `sys.executable` so a pyenv shim's start-up is not timed); every run's stdout and exit status must equal
//! CPython's first run, otherwise the interpreter is reported as FAILED (loudly, with the first differing
//! line), is not run again, and the command exits 1. After the timed runs pvm runs once more with
//! `--jit-stats` (untimed) to print a one-line JIT summary.

use clap::Parser;
use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::Instant;

#[derive(Parser, Debug)]
#[command(
    name = "pvm bench",
    bin_name = "pvm bench",
    about = "Time a Python script under pvm and CPython (and others with --vs), interleaved; check that the outputs agree",
    after_help = "Prints medians of wall and CPU time, peak RSS, pvm's speed ratio against each other interpreter \
                  and a JIT summary. Exits 1 if any interpreter's stdout or exit status differs from CPython's, \
                  2 on usage errors. Standard input, when it is not a terminal, is read once and fed to every run."
)]
struct BenchCli {
    /// Runs per interpreter (interleaved: rep 1 of each, then rep 2, ...); the median is reported.
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..))]
    reps: u32,
    /// Also compare with this interpreter (e.g. pypy3); may be repeated.
    #[arg(long = "vs", value_name = "INTERP")]
    vs: Vec<String>,
    /// The CPython to compare with and whose output is the reference.
    #[arg(long = "python3", value_name = "CMD", default_value = "python3")]
    python3: String,
    /// Bench pvm's interpreter alone (runs `pvm --no-jit`).
    #[arg(long = "no-jit")]
    no_jit: bool,
    /// The script and its arguments.
    #[arg(
        required = true,
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "SCRIPT [ARGS]"
    )]
    script: Vec<OsString>,
}

/// How a child ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Exit {
    Code(i32),
    Signal(i32),
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code(c) => write!(f, "exit status {c}"),
            Exit::Signal(s) => write!(f, "killed by signal {s} ({})", signal_name(*s)),
        }
    }
}

fn signal_name(s: i32) -> &'static str {
    match s {
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGABRT => "SIGABRT",
        libc::SIGKILL => "SIGKILL",
        libc::SIGTERM => "SIGTERM",
        libc::SIGINT => "SIGINT",
        libc::SIGBUS => "SIGBUS",
        libc::SIGILL => "SIGILL",
        libc::SIGFPE => "SIGFPE",
        libc::SIGPIPE => "SIGPIPE",
        _ => "?",
    }
}

/// One measured run.
struct Run {
    wall: f64,
    cpu: f64,
    maxrss_kb: i64,
    exit: Exit,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// An interpreter under test.
struct Interp {
    /// Name shown in the table (`pvm`, `pvm --no-jit`, `python3`, `pypy3`, ...).
    label: String,
    /// Command prefix; the script and its arguments follow.
    argv: Vec<OsString>,
    runs: Vec<Run>,
    /// Why it stopped being run (a mismatch with the reference or a failure to start).
    failed: Option<String>,
}

/// Entry point: `args` are the command-line arguments after `pvm` (starting with `bench`).
pub fn main(args: Vec<OsString>) -> ExitCode {
    let cli = match BenchCli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match bench(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(msg) => {
            eprintln!("pvm bench: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Path of the real executable behind `cmd` (skipping pyenv-style shims), via `sys.executable`.
fn resolve_python(cmd: &str) -> Result<OsString, String> {
    let out = Command::new(cmd)
        .args(["-c", "import sys; print(sys.executable)"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                format!("`{cmd}` not found (is it installed and on PATH?)")
            }
            _ => format!("cannot run `{cmd}`: {e}"),
        })?;
    if !out.status.success() {
        return Err(format!(
            "`{cmd} -c 'import sys; print(sys.executable)'` failed ({})",
            out.status
        ));
    }
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !path.is_empty() && std::path::Path::new(&path).is_file() {
        Ok(path.into())
    } else {
        Ok(cmd.into())
    }
}

/// Run `argv` once, feeding it `stdin` (or /dev/null), and measure it.
fn run_once(argv: &[OsString], stdin: Option<&Arc<Vec<u8>>>) -> Result<Run, String> {
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..])
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let t0 = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", argv[0].to_string_lossy()))?;
    let pid = child.id() as libc::pid_t;
    let feeder = match (child.stdin.take(), stdin) {
        (Some(mut w), Some(data)) => {
            let data = Arc::clone(data);
            // A child that stops reading gets EPIPE here; that is its business, not an error of ours.
            Some(std::thread::spawn(move || {
                let _ = w.write_all(&data);
            }))
        }
        _ => None,
    };
    let reader = |r: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out_t = reader(
        child
            .stdout
            .take()
            .map(|r| Box::new(r) as Box<dyn Read + Send>),
    );
    let err_t = reader(
        child
            .stderr
            .take()
            .map(|r| Box::new(r) as Box<dyn Read + Send>),
    );
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; all-zero is a valid value.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our unreaped child (std's `Child` is never waited on); the out-pointers are valid.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
        if r == pid {
            break;
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4: {err}"));
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    // The child is reaped: forget std's handle so nothing waits on (or signals) a reused pid.
    std::mem::forget(child);
    let stdout = out_t.join().unwrap_or_default();
    let stderr = err_t.join().unwrap_or_default();
    if let Some(f) = feeder {
        let _ = f.join();
    }
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
    let exit = if libc::WIFSIGNALED(status) {
        Exit::Signal(libc::WTERMSIG(status))
    } else {
        Exit::Code(libc::WEXITSTATUS(status))
    };
    Ok(Run {
        wall,
        cpu: tv(ru.ru_utime) + tv(ru.ru_stime),
        maxrss_kb: ru.ru_maxrss,
        exit,
        stdout,
        stderr,
    })
}

/// First differing line of two outputs: (1-based line number, expected, actual).
fn first_difference(expected: &[u8], actual: &[u8]) -> (usize, String, String) {
    let e: Vec<&[u8]> = expected.split_inclusive(|&b| b == b'\n').collect();
    let a: Vec<&[u8]> = actual.split_inclusive(|&b| b == b'\n').collect();
    let show = |l: Option<&&[u8]>| match l {
        None => "<no more output>".to_string(),
        Some(l) => format!("{:?}", String::from_utf8_lossy(l)),
    };
    for i in 0..e.len().max(a.len()) {
        if e.get(i) != a.get(i) {
            return (i + 1, show(e.get(i)), show(a.get(i)));
        }
    }
    (0, String::new(), String::new())
}

/// The last `n` lines of `data`, indented, for context under an error.
fn tail(data: &[u8], n: usize) -> String {
    let s = String::from_utf8_lossy(data);
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(n)..]
        .iter()
        .map(|l| format!("!!       {l}\n"))
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn fmt_secs(t: f64) -> String {
    if t >= 100.0 {
        format!("{t:.0} s")
    } else if t >= 10.0 {
        format!("{t:.1} s")
    } else if t >= 1.0 {
        format!("{t:.2} s")
    } else {
        format!("{:.1} ms", t * 1e3)
    }
}

fn fmt_mb(kb: f64) -> String {
    format!("{:.1} MB", kb / 1024.0)
}

/// `2.71x faster` / `2.22x slower` for speedup = other / pvm.
fn fmt_speedup(s: f64) -> String {
    if s >= 1.0 {
        format!("{s:.2}x faster")
    } else {
        format!("{:.2}x slower", 1.0 / s)
    }
}

/// The loud report of a run that disagrees with the reference.
fn mismatch_report(label: &str, reference: &str, ref_run: &Run, run: &Run, rep: u32) -> String {
    let mut s = String::new();
    let bar = "!".repeat(78);
    s.push_str(&format!("{bar}\n"));
    s.push_str(&format!(
        "!! OUTPUT MISMATCH: {label} does not behave like {reference} (run {rep})\n"
    ));
    if run.exit != ref_run.exit {
        s.push_str(&format!(
            "!!   {reference}: {}\n!!   {label}: {}\n",
            ref_run.exit, run.exit
        ));
        if !run.stderr.is_empty() {
            s.push_str(&format!(
                "!!   {label}'s stderr ends with:\n{}",
                tail(&run.stderr, 8)
            ));
        }
    }
    if run.stdout != ref_run.stdout {
        let (line, e, a) = first_difference(&ref_run.stdout, &run.stdout);
        s.push_str(&format!(
            "!!   stdout differs; first difference at line {line}:\n"
        ));
        let w = reference.len().max(label.len());
        s.push_str(&format!(
            "!!     {reference:<w$}: {e}\n!!     {label:<w$}: {a}\n"
        ));
    }
    s.push_str(&format!(
        "!! {label} is not timed further; its row shows FAILED.\n{bar}\n"
    ));
    s
}

/// One line out of pvm's `--jit-stats` output: what it printed on stderr beyond what the program itself
/// printed there in a normal run. The report's first paragraph (its totals) is kept, decorative
/// `---- title ----` lines dropped, and the rest left to `pvm --jit-stats`.
fn jit_summary(stats_run: &Run, normal_stderr: &[u8]) -> String {
    let extra = stats_run
        .stderr
        .strip_prefix(normal_stderr)
        .unwrap_or(&stats_run.stderr);
    let text = String::from_utf8_lossy(extra);
    let mut lines: Vec<String> = Vec::new();
    let mut more = false;
    for l in text.lines() {
        let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
        if l.is_empty() {
            if !lines.is_empty() {
                more = true;
                break;
            }
            continue;
        }
        if l.starts_with("---") && l.ends_with("---") {
            continue;
        }
        lines.push(l);
    }
    more |= lines.len() > 4;
    lines.truncate(4);
    let joined = lines.join("; ");
    if joined.is_empty() {
        return "JIT stats unavailable (pvm --jit-stats printed nothing)".into();
    }
    if joined.contains("JIT disabled") {
        return format!("JIT stats unavailable (pvm --jit-stats printed: {joined:?})");
    }
    const MAX: usize = 240;
    let mut line = if joined.chars().count() > MAX {
        more = true;
        joined.chars().take(MAX).collect::<String>() + "…"
    } else {
        joined
    };
    if more {
        line.push_str(" (more: pvm --jit-stats)");
    }
    format!("JIT: {line}")
}

/// Peak RSS Linux reports for a trivial child: at exec, the child inherits the high-water mark of the
/// process it was spawned from, so values near this are "at most this much".
fn rss_floor_kb() -> Option<i64> {
    let t = ["/bin/true", "/usr/bin/true"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())?;
    run_once(&[OsString::from(t)], None)
        .ok()
        .map(|r| r.maxrss_kb)
}

fn bench(cli: BenchCli) -> Result<bool, String> {
    let pvm =
        std::env::current_exe().map_err(|e| format!("cannot find the pvm executable: {e}"))?;
    let script = cli.script.clone();
    let shown_script = script
        .iter()
        .map(|a| a.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ");
    let stdin: Option<Arc<Vec<u8>>> = if std::io::stdin().is_terminal() {
        None
    } else {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("reading stdin: {e}"))?;
        Some(Arc::new(buf))
    };

    let mut pvm_argv = vec![pvm.clone().into_os_string()];
    if cli.no_jit {
        pvm_argv.push("--no-jit".into());
    }
    let mut interps = vec![Interp {
        label: if cli.no_jit {
            "pvm --no-jit".into()
        } else {
            "pvm".into()
        },
        argv: pvm_argv,
        runs: vec![],
        failed: None,
    }];
    let mut seen = vec![cli.python3.clone()];
    let mut names = vec![cli.python3.clone()];
    for v in &cli.vs {
        if !seen.contains(v) {
            seen.push(v.clone());
            names.push(v.clone());
        }
    }
    let mut versions = Vec::new();
    for name in &names {
        let exe = resolve_python(name)?;
        versions.push(format!("{name} = {}", exe.to_string_lossy()));
        interps.push(Interp {
            label: name.clone(),
            argv: vec![exe],
            runs: vec![],
            failed: None,
        });
    }
    const REF: usize = 1; // python3: the reference
    let reference = interps[REF].label.clone();
    let n = interps.len();

    eprintln!(
        "pvm bench: {shown_script}: {} interleaved run(s) each of {} ({})",
        cli.reps,
        interps
            .iter()
            .map(|i| i.label.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        versions.join(", ")
    );
    let mut loud = String::new();
    let mut ref_run: Option<Run> = None;
    let mut nondeterministic = None;
    for rep in 0..cli.reps {
        // The reference runs first in the first round (its output is what the others are checked
        // against); then the order rotates so no interpreter always runs right after the same one.
        let order: Vec<usize> = if rep == 0 {
            std::iter::once(REF)
                .chain((0..n).filter(|&k| k != REF))
                .collect()
        } else {
            (0..n).map(|k| (k + rep as usize) % n).collect()
        };
        let mut progress = format!("  run {}/{}:", rep + 1, cli.reps);
        for k in order {
            if interps[k].failed.is_some() {
                continue;
            }
            let mut argv = interps[k].argv.clone();
            argv.extend(script.iter().cloned());
            let run = match run_once(&argv, stdin.as_ref()) {
                Ok(r) => r,
                Err(e) if k == REF => return Err(e),
                Err(e) => {
                    interps[k].failed = Some(e);
                    continue;
                }
            };
            progress.push_str(&format!("  {} {}", interps[k].label, fmt_secs(run.wall)));
            match &ref_run {
                None => {
                    ref_run = Some(run);
                    continue;
                }
                Some(r) if r.stdout == run.stdout && r.exit == run.exit => {
                    interps[k].runs.push(run)
                }
                Some(r) if k == REF => {
                    // CPython disagrees with itself: the script is not deterministic.
                    nondeterministic.get_or_insert_with(|| {
                        mismatch_report(&reference, &reference, r, &run, rep + 1)
                    });
                    interps[k].runs.push(run);
                }
                Some(r) => {
                    loud.push_str(&mismatch_report(
                        &interps[k].label,
                        &reference,
                        r,
                        &run,
                        rep + 1,
                    ));
                    interps[k].failed = Some(format!("output differs from {reference}"));
                    progress.push_str(" (DIFFERENT OUTPUT)");
                }
            }
        }
        eprintln!("{progress}");
    }
    let ref_run = ref_run.ok_or_else(|| {
        format!(
            "{reference} could not run the script: {}",
            interps[REF].failed.clone().unwrap_or_default()
        )
    })?;
    interps[REF].runs.insert(0, ref_run);

    // One more, untimed pvm run for the JIT summary.
    let jit_line = if cli.no_jit {
        "JIT: off (--no-jit)".to_string()
    } else if interps[0].failed.is_some() {
        "JIT: not run (pvm failed)".to_string()
    } else {
        let mut argv = vec![pvm.into_os_string(), "--jit-stats".into()];
        argv.extend(script.iter().cloned());
        match run_once(&argv, stdin.as_ref()) {
            Ok(r) => jit_summary(&r, &interps[0].runs[0].stderr),
            Err(e) => format!("JIT stats unavailable ({e})"),
        }
    };
    let floor = rss_floor_kb();

    // The table.
    let out = &mut String::new();
    let ref_status = interps[REF].runs[0].exit;
    out.push_str(&format!(
        "\npvm bench: {shown_script}  ({} run(s) per interpreter, interleaved; medians)\n\n",
        cli.reps
    ));
    let w = interps
        .iter()
        .map(|i| i.label.len())
        .max()
        .unwrap_or(0)
        .max(11);
    out.push_str(&format!(
        "{:<w$}  {:>10}  {:>10}  {:>9}  {:>7}  pvm vs it (wall)\n",
        "interpreter", "wall", "CPU", "peak RSS", "spread"
    ));
    struct Med {
        wall: f64,
        cpu: f64,
    }
    let meds: Vec<Option<Med>> = interps
        .iter()
        .map(|i| {
            (i.failed.is_none() && !i.runs.is_empty()).then(|| Med {
                wall: median(i.runs.iter().map(|r| r.wall).collect()),
                cpu: median(i.runs.iter().map(|r| r.cpu).collect()),
            })
        })
        .collect();
    for (k, i) in interps.iter().enumerate() {
        match (&meds[k], &i.failed) {
            (Some(m), _) => {
                let rss = median(i.runs.iter().map(|r| r.maxrss_kb as f64).collect());
                let (lo, hi) = i.runs.iter().fold((f64::INFINITY, 0f64), |(lo, hi), r| {
                    (lo.min(r.wall), hi.max(r.wall))
                });
                let spread = if i.runs.len() > 1 {
                    format!("{:.0}%", (hi - lo) / m.wall * 100.0)
                } else {
                    "-".into()
                };
                let vs = match &meds[0] {
                    _ if k == 0 => "-".to_string(),
                    Some(p) => fmt_speedup(m.wall / p.wall),
                    None => "n/a".into(),
                };
                out.push_str(&format!(
                    "{:<w$}  {:>10}  {:>10}  {:>9}  {:>7}  {}\n",
                    i.label,
                    fmt_secs(m.wall),
                    fmt_secs(m.cpu),
                    fmt_mb(rss),
                    spread,
                    vs
                ));
            }
            (None, reason) => out.push_str(&format!(
                "{:<w$}  FAILED: {}\n",
                i.label,
                reason.as_deref().unwrap_or("did not run")
            )),
        }
    }
    out.push('\n');
    let pvm_label = interps[0].label.clone();
    for k in 1..n {
        if let (Some(p), Some(m)) = (&meds[0], &meds[k]) {
            out.push_str(&format!(
                "ratio: {pvm_label} vs {}: {} (wall {} vs {}; CPU {})\n",
                interps[k].label,
                fmt_speedup(m.wall / p.wall),
                fmt_secs(p.wall),
                fmt_secs(m.wall),
                fmt_speedup(m.cpu / p.cpu)
            ));
        }
    }
    let all_ok = interps.iter().all(|i| i.failed.is_none());
    if all_ok {
        let runs: usize = interps.iter().map(|i| i.runs.len()).sum();
        let bytes = interps[REF].runs[0].stdout.len();
        out.push_str(&format!(
            "outputs: identical across all {runs} runs (stdout {bytes} bytes, {ref_status})\n"
        ));
        if ref_status != Exit::Code(0) {
            out.push_str(&format!(
                "outputs: note: the script ends with {ref_status} under every interpreter: is that what you meant to time?\n"
            ));
        }
    } else {
        for i in interps.iter().filter(|i| i.failed.is_some()) {
            out.push_str(&format!(
                "outputs: {} FAILED: {} (see the report above)\n",
                i.label,
                i.failed.as_deref().unwrap_or("")
            ));
        }
    }
    if nondeterministic.is_some() {
        out.push_str(&format!(
            "outputs: note: {reference} itself printed different output in different runs: the script is \
             not deterministic (hash randomisation? try PYTHONHASHSEED=0); shown above\n"
        ));
    }
    out.push_str(&format!(
        "peak RSS: median ru_maxrss from wait4{}\n",
        match floor {
            Some(f) => format!(
                "; a trivial child reports {} here (Linux counts the spawning process's own peak), so values \
                 near it mean \"at most\"",
                fmt_mb(f as f64)
            ),
            None => String::new(),
        }
    ));
    out.push_str(&jit_line);
    out.push('\n');
    let mut stdout = std::io::stdout();
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    // Mismatches go last, so they are what is left on the terminal.
    if let Some(nd) = &nondeterministic {
        eprint!("\n{nd}");
    }
    if !loud.is_empty() {
        eprint!("\n{loud}");
    }
    if !all_ok {
        eprintln!("pvm bench: FAILED: outputs differ (see above); exit status 1");
    }
    Ok(all_ok && nondeterministic.is_none())
}
