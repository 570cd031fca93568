//! Differential testing with generated programs (issue 8): `pvm --no-jit`, `pvm --jit-threshold 1` and
//! CPython 3.11 must agree on stdout, the last line of stderr and the exit status of random well-formed
//! programs (`difftest/gen.rs` writes them from a seed).
//!
//! * `cargo test --release --test difftest` runs a fixed-seed slice (a few seconds). Without a CPython
//!   3.11 on the PATH it still checks that both pvm modes agree.
//! * A long run (needs CPython 3.11; failures are written to `target/difftest/`):
//!   `PVM_DIFFTEST_SEEDS=0..10000 cargo test --release --test difftest -- --ignored --nocapture`
//!   (`PVM_DIFFTEST_PYTHON` names the CPython to use).
//! * `PVM_DIFFTEST_SHOW=<seed>` with the same command prints that seed's program;
//!   `PVM_DIFFTEST_DUMP=a..b` writes seeds a..b to `target/difftest/programs/`.

#[path = "difftest/gen.rs"]
mod gen;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Seeds of the slice that runs with the test suite.
const SLICE: std::ops::Range<u64> = 0..40;
/// Per pvm run (wall clock: generous, the machine may be busy).
const TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, PartialEq)]
struct Outcome {
    stdout: String,
    /// Last non-empty line of stderr (tracebacks differ in their caret lines).
    stderr_last: String,
    code: Option<i32>,
}

enum Run {
    Done(Outcome),
    TimedOut,
}

fn run(mut cmd: Command, dir: &Path, tag: &str) -> Run {
    // Output goes to files, not pipes: nothing to drain while we poll for the exit.
    let out_path = dir.join(format!("{tag}.stdout"));
    let err_path = dir.join(format!("{tag}.stderr"));
    cmd.current_dir(dir)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap());
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().to_string();
        if k.starts_with("PYTHON") || k.starts_with("PVM_") {
            cmd.env_remove(&k);
        }
    }
    cmd.env("PYTHONHASHSEED", "0");
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn");
    let mut sleep = Duration::from_micros(500);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Run::TimedOut;
        }
        std::thread::sleep(sleep);
        sleep = (sleep * 2).min(Duration::from_millis(10));
    };
    let stdout = String::from_utf8_lossy(&std::fs::read(&out_path).unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&std::fs::read(&err_path).unwrap()).into_owned();
    let stderr_last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_string();
    let code = status.code().or_else(|| {
        use std::os::unix::process::ExitStatusExt;
        status.signal().map(|s| -s)
    });
    Run::Done(Outcome {
        stdout,
        stderr_last,
        code,
    })
}

fn cpython() -> Option<String> {
    let cands: Vec<String> = match std::env::var("PVM_DIFFTEST_PYTHON") {
        Ok(p) => vec![p],
        Err(_) => vec!["python3.11".into(), "python3".into()],
    };
    cands.into_iter().find(|p| {
        Command::new(p)
            .args(["-c", "import sys; assert sys.version_info[:2] == (3, 11)"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

fn pvm(mode: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pvm"));
    c.args(mode.split(' '));
    c
}

/// What differed, as a readable report (None when all agree).
fn describe(name: &str, reference: &Outcome, other: &Outcome) -> Option<String> {
    if reference == other {
        return None;
    }
    let mut s = String::new();
    if reference.stdout != other.stdout {
        let (a, b): (Vec<&str>, Vec<&str>) = (
            reference.stdout.lines().collect(),
            other.stdout.lines().collect(),
        );
        let i = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        s += &format!(
            "{name}: stdout differs at line {}\n  expected: {:?}\n  got:      {:?}\n",
            i + 1,
            a.get(i).unwrap_or(&"<end>"),
            b.get(i).unwrap_or(&"<end>")
        );
    }
    if reference.stderr_last != other.stderr_last {
        s += &format!(
            "{name}: last stderr line\n  expected: {:?}\n  got:      {:?}\n",
            reference.stderr_last, other.stderr_last
        );
    }
    if reference.code != other.code {
        s += &format!(
            "{name}: exit status expected {:?}, got {:?}\n",
            reference.code, other.code
        );
    }
    Some(s)
}

enum Verdict {
    Agree,
    /// CPython itself took too long: the program is not counted.
    Slow,
    Disagree(String),
}

/// CPython's outcomes for `seeds` (already written to `dir`), from one driver process.
fn cpython_batch(python: &str, dir: &Path, seeds: &[u64]) -> Vec<Option<Outcome>> {
    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/difftest/cpython_driver.py");
    let mut c = Command::new(python);
    c.arg("-B").arg(&driver).arg(dir);
    c.args(seeds.iter().map(|s| format!("seed_{s}")));
    c.env("PYTHONHASHSEED", "0");
    let o = c.output().expect("run the CPython driver");
    assert!(
        o.status.success(),
        "the CPython driver failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    seeds
        .iter()
        .map(|s| {
            let text = std::fs::read_to_string(dir.join(format!("seed_{s}.cpython"))).ok()?;
            let mut parts = text.splitn(3, '\0');
            let (status, last, out) = (parts.next()?, parts.next()?, parts.next()?);
            Some(Outcome {
                stdout: out.to_string(),
                stderr_last: last.to_string(),
                code: Some(status.parse().ok()?),
            })
        })
        .collect()
}

/// Check `seeds`: pvm in both modes against CPython (when `python` is given), else against each other.
fn check_seeds(seeds: &[u64], dir: &Path, python: Option<&str>) -> Vec<(u64, Verdict)> {
    for &seed in seeds {
        std::fs::write(dir.join(format!("seed_{seed}.py")), gen::program(seed)).unwrap();
    }
    let expected: Vec<Option<Outcome>> = match python {
        Some(py) => cpython_batch(py, dir, seeds),
        None => seeds.iter().map(|_| None).collect(),
    };
    seeds
        .iter()
        .zip(expected)
        .map(|(&seed, exp)| {
            if python.is_some() && exp.is_none() {
                return (seed, Verdict::Slow);
            }
            (seed, check_one(seed, dir, exp))
        })
        .collect()
}

fn check_one(seed: u64, dir: &Path, expected: Option<Outcome>) -> Verdict {
    let file = format!("seed_{seed}.py");
    let mut reference = expected.map(|o| ("cpython", o));
    let mut report = String::new();
    for mode in ["--no-jit", "--jit-threshold 1"] {
        let mut c = pvm(mode);
        c.arg(&file);
        let o = match run(c, dir, "pvm") {
            Run::Done(o) => o,
            Run::TimedOut => {
                report += &format!("pvm {mode}: timed out after {TIMEOUT:?}\n");
                continue;
            }
        };
        match &reference {
            Some((rname, r)) => {
                if let Some(d) = describe(&format!("pvm {mode} vs {rname}"), r, &o) {
                    report += &d;
                }
            }
            None => reference = Some(("pvm --no-jit", o)),
        }
    }
    if report.is_empty() {
        Verdict::Agree
    } else {
        Verdict::Disagree(format!(
            "seed {seed} ({}):\n{report}",
            dir.join(&file).display()
        ))
    }
}

fn scratch(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("pvm-difftest-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn fixed_seed_slice_agrees() {
    let dir = scratch("slice");
    let python = cpython();
    let seeds: Vec<u64> = SLICE.collect();
    let failures: Vec<String> = check_seeds(&seeds, &dir, python.as_deref())
        .into_iter()
        .filter_map(|(_, v)| match v {
            Verdict::Disagree(r) => Some(r),
            _ => None,
        })
        .collect();
    if failures.is_empty() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn programs_are_deterministic_and_varied() {
    assert_eq!(gen::program(7), gen::program(7));
    assert_ne!(gen::program(7), gen::program(8));
}

fn seed_range(s: &str) -> (u64, u64) {
    let (a, b) = s.split_once("..").expect("a seed range a..b");
    (a.parse().unwrap(), b.parse().unwrap())
}

#[test]
#[ignore = "long run: PVM_DIFFTEST_SEEDS=a..b"]
fn long_run() {
    if let Ok(s) = std::env::var("PVM_DIFFTEST_SHOW") {
        print!("{}", gen::program(s.parse().expect("a seed")));
        return;
    }
    if let Ok(s) = std::env::var("PVM_DIFFTEST_DUMP") {
        let (a, b) = seed_range(&s);
        let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/difftest/programs");
        std::fs::create_dir_all(&d).unwrap();
        for seed in a..b {
            std::fs::write(d.join(format!("seed_{seed}.py")), gen::program(seed)).unwrap();
        }
        return;
    }
    let seeds = std::env::var("PVM_DIFFTEST_SEEDS").unwrap_or_else(|_| "0..1000".into());
    let (a, b) = seed_range(&seeds);
    let python = cpython().expect("the long run needs CPython 3.11 (PVM_DIFFTEST_PYTHON)");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/difftest");
    std::fs::create_dir_all(&out).unwrap();
    let dir = scratch("long");
    let start = Instant::now();
    let (mut agree, mut slow, mut disagree) = (0u64, 0u64, 0u64);
    let all: Vec<u64> = (a..b).collect();
    for chunk in all.chunks(250) {
        for (seed, verdict) in check_seeds(chunk, &dir, Some(&python)) {
            match verdict {
                Verdict::Agree => agree += 1,
                Verdict::Slow => {
                    slow += 1;
                    println!("seed {seed}: skipped, CPython used more than 20 s of CPU");
                }
                Verdict::Disagree(r) => {
                    disagree += 1;
                    println!("{r}");
                    std::fs::write(out.join(format!("seed_{seed}.py")), gen::program(seed))
                        .unwrap();
                    std::fs::write(out.join(format!("seed_{seed}.txt")), &r).unwrap();
                }
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        println!(
            "progress: {} programs, {disagree} disagreements, {:.0} s",
            agree + slow + disagree,
            start.elapsed().as_secs_f64()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "difftest seeds {a}..{b}: {agree} agree, {disagree} disagree, {slow} skipped (CPython > 20 s CPU), {:.0} s",
        start.elapsed().as_secs_f64()
    );
    assert_eq!(disagree, 0);
}
