//! `pvm bench`: the ratio line for a script pvm and CPython agree on, and a loud non-zero failure for one
//! whose output differs. Needs `python3` on PATH (skipped, with a note, without it). Uses `--reps 1` and
//! tiny scripts so it stays well under a few seconds.

use std::path::PathBuf;
use std::process::{Command, Output};

fn have_python3() -> bool {
    Command::new("python3")
        .arg("-c")
        .arg("pass")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn script(name: &str, src: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pvm-bench-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, src).unwrap();
    p
}

fn bench(args: &[&str]) -> (Output, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pvm"))
        .arg("bench")
        .args(args)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out, text)
}

#[test]
fn agreeing_script_prints_a_ratio_and_exits_0() {
    if !have_python3() {
        eprintln!("skipped: python3 is not on PATH");
        return;
    }
    let p = script(
        "agree.py",
        "import sys\nprint(sum([i * i for i in range(int(sys.argv[1]))]))\n",
    );
    let (out, text) = bench(&["--reps", "1", p.to_str().unwrap(), "100"]);
    assert!(out.status.success(), "pvm bench failed:\n{text}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let ratio = stdout
        .lines()
        .find(|l| l.starts_with("ratio: pvm vs python3: "))
        .unwrap_or_else(|| {
            panic!("no ratio line:\n{text}");
        });
    assert!(ratio.contains("x "), "{ratio}");
    assert!(stdout.contains("outputs: identical"), "{text}");
    assert!(
        stdout.lines().any(|l| l.starts_with("JIT")),
        "no JIT line:\n{text}"
    );
    assert!(!text.contains("MISMATCH"), "{text}");
}

#[test]
fn differing_output_is_loud_and_exits_nonzero() {
    if !have_python3() {
        eprintln!("skipped: python3 is not on PATH");
        return;
    }
    // pvm's sys.version names pvm ("3.11.7 (pvm 0.1.0)"); CPython's names its compiler.
    let p = script(
        "differ.py",
        "import sys\nprint('same line')\nprint(sys.version)\n",
    );
    let (out, text) = bench(&["--reps", "1", "--no-jit", p.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "expected exit status 1:\n{text}"
    );
    assert!(text.contains("OUTPUT MISMATCH: pvm --no-jit"), "{text}");
    assert!(text.contains("first difference at line 2"), "{text}");
    assert!(text.contains("FAILED"), "{text}");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("ratio: "),
        "no ratio for a wrong output:\n{text}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let (out, text) = bench(&["--reps", "0", "x.py"]);
    assert_eq!(out.status.code(), Some(2), "{text}");
    let (out, text) = bench(&[]);
    assert_eq!(out.status.code(), Some(2), "{text}");
}
