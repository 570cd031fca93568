//! Every benchmark program in `perf/programs/`, shrunk to a fraction of a second, gives the same output
//! and exit status under the interpreter alone, with the JIT at its default threshold (asynchronous
//! compilation, side traces and linking as in a real run) and with the JIT at a tiny threshold. The
//! golden programs test features one at a time; these test the JIT on whole programs, where traces,
//! side traces of side traces and linked exits combine (a crash in deltablue's trace tree was only
//! visible here).

use std::path::Path;
use std::process::Command;

/// (program, small size argument).
const PROGRAMS: &[(&str, &str)] = &[
    ("chaos", "3000"),
    ("closures", "2000"),
    ("coroutines", "1000"),
    ("deltablue", "2"),
    ("fannkuch", "7"),
    ("fft", "1"),
    ("fib", "20"),
    ("float_loop", "100000"),
    ("generators", "10000"),
    ("graph_bfs", "500"),
    ("lu_decomposition", "10"),
    ("mandelbrot", "18"),
    ("nbody", "8000"),
    ("nqueens", "6"),
    ("pidigits", "150"),
    ("raytracer", "7"),
    ("richards", "1"),
    ("sor", "7"),
    ("sorting", "1000"),
    ("spectral_norm", "12"),
    ("strings", "2"),
    ("sum_squares", "300000"),
    ("wordcount", "2000"),
];

fn run(flags: &[&str], prog: &Path, size: &str) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pvm"))
        .args(flags)
        .arg(prog)
        .arg(size)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

#[test]
fn benchmark_programs_agree_with_and_without_the_jit() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("perf/programs");
    let mut listed: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "py").then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    listed.sort();
    let mut table: Vec<String> = PROGRAMS.iter().map(|(n, _)| n.to_string()).collect();
    table.sort();
    assert_eq!(listed, table, "every perf program needs a small size here");
    // Two programs at a time (CI has two cores).
    let bad: Vec<String> = std::thread::scope(|sc| {
        let workers: Vec<_> = [0, 1]
            .map(|w| {
                let dir = &dir;
                sc.spawn(move || {
                    let mut bad = Vec::new();
                    for (name, size) in PROGRAMS.iter().skip(w).step_by(2) {
                        let prog = dir.join(format!("{name}.py"));
                        let base = run(&["--no-jit"], &prog, size);
                        if base.0 != Some(0) {
                            bad.push(format!("{name}: --no-jit exited {:?}\n{}", base.0, base.1));
                            continue;
                        }
                        for flags in [&[][..], &["--jit-threshold", "7"][..]] {
                            let r = run(flags, &prog, size);
                            if r != base {
                                bad.push(format!(
                                    "{name} {flags:?}: exit {:?} (want 0), output {}",
                                    r.0,
                                    if r.1 == base.1 { "same" } else { "differs" }
                                ));
                            }
                        }
                    }
                    bad
                })
            })
            .into_iter()
            .collect();
        workers
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
