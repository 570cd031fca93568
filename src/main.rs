//! The `pvm` command: run Python programs like `python3` does (src/cli.rs parses the command line the
//! way CPython does; src/repl.rs is the interactive prompt).

mod bench;
mod cli;
mod repl;
mod signals;

use cli::{Exit, Program};
use pvm_interp::Vm;
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

/// Loop iterations before a loop is considered hot.
const DEFAULT_JIT_THRESHOLD: u32 = pvm_jit::DEFAULT_THRESHOLD;

/// glibc gives free memory at the top of the heap back to the kernel as soon as 128 KiB of it are free,
/// and faults it back in on the next allocations. A JIT trace run releases its nursery (the objects it
/// made) all at once at its exit, so bigint-heavy loops paid that round trip on every exit: pidigits
/// spent 0.69 s of its 1.36 s in the kernel. Keeping up to 64 MiB of free heap (as a fixed threshold)
/// removes it: 0.66 s, like `--no-jit`. Peak RSS is unchanged; memory freed late in a run is returned
/// later.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_malloc() {
    // SAFETY: `mallopt` only changes allocator parameters; it is called first thing in `main`, before
    // any other thread exists.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_malloc() {}

fn main() -> ExitCode {
    tune_malloc();
    // `pvm bench script.py [args]` (src/bench.rs); a script named `bench` runs as `pvm ./bench`.
    if std::env::args_os().nth(1).is_some_and(|a| a == "bench") {
        return bench::main(std::env::args_os().skip(1).collect());
    }
    let opts = match cli::parse(std::env::args_os().skip(1).collect()) {
        Ok(o) => o,
        Err(Exit::Help) => {
            print!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(Exit::Version) => {
            println!("Python 3.11.7 (pvm {})", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(Exit::Usage(msg)) => {
            eprintln!(
                "{}\nusage: pvm [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `pvm -h' for more information.",
                msg
            );
            return ExitCode::from(2);
        }
    };
    // The interpreter runs on a thread with a large stack: Python-level recursion does not use the Rust
    // stack, but native recursion (repr of deeply nested lists, sort keys calling Python) does, and is
    // bounded by counters sized for this stack.
    signals::install_sigint_handler();
    // Under a tight address-space limit (`ulimit -v`) the big stack may not be available: fall back to
    // smaller ones (the native recursion counters stay well within 64 MiB at the default limit).
    let opts = std::sync::Arc::new(std::sync::Mutex::new(Some(opts)));
    let mut spawned = None;
    for size in [1 << 30, 1 << 28, 1 << 26] {
        let o = opts.clone();
        let r = std::thread::Builder::new()
            .name("pvm-main".into())
            .stack_size(size)
            .spawn(move || match o.lock().ok().and_then(|mut g| g.take()) {
                Some(opts) => run(opts),
                None => 70,
            });
        if let Ok(h) = r {
            spawned = Some(h);
            break;
        }
    }
    let Some(handle) = spawned else {
        eprintln!("pvm: cannot create the interpreter thread (out of memory)");
        return ExitCode::from(1);
    };
    let status = handle.join().unwrap_or(70);
    signals::exit_if_interrupted(status);
    ExitCode::from(status.clamp(0, 255) as u8)
}

fn run(o: cli::Options) -> i32 {
    let env = |name: &str| {
        if o.ignore_env {
            None
        } else {
            std::env::var(name).ok().filter(|v| !v.is_empty())
        }
    };
    let inspect = o.inspect || env("PYTHONINSPECT").is_some();
    let stdin_tty = std::io::stdin().is_terminal();
    // What runs, sys.argv, sys.path[0].
    let cwd = std::env::current_dir()
        .map(|p| p.to_string_lossy().to_string())
        .unwrap_or_default();
    let (argv0, path0) = match &o.program {
        Program::Command(_) => ("-c".to_string(), String::new()),
        Program::Module(_) => ("-m".to_string(), cwd),
        // CPython puts the real (absolute, symlinks resolved) directory of the script first.
        Program::Script(s) => (
            s.clone(),
            std::fs::canonicalize(s)
                .ok()
                .and_then(|p| p.parent().map(|d| d.to_string_lossy().to_string()))
                .or_else(|| {
                    std::path::Path::new(s)
                        .parent()
                        .map(|p| p.to_string_lossy().to_string())
                })
                .unwrap_or_default(),
        ),
        Program::Stdin { explicit } => {
            (if *explicit { "-" } else { "" }.to_string(), String::new())
        }
    };
    let mut argv = vec![argv0];
    argv.extend(o.args.iter().cloned());
    let mut vm = Vm::new(argv);
    vm.path.push(path0);
    if let Some(pp) = env("PYTHONPATH") {
        vm.path.extend(
            pp.split(':')
                .filter(|s| !s.is_empty())
                .map(|s| s.to_string()),
        );
    }
    vm.opts.jit_threshold = o.jit_threshold.unwrap_or(DEFAULT_JIT_THRESHOLD).max(1);
    vm.opts.unbuffered = o.unbuffered || env("PYTHONUNBUFFERED").is_some();
    vm.opts.cache.write = !(o.no_bytecode || env("PYTHONDONTWRITEBYTECODE").is_some());
    for x in &o.xoptions {
        match x.as_str() {
            "pvm-cache-verbose" => vm.opts.cache.verbose = true,
            "pvm-cache=off" => {
                vm.opts.cache.read = false;
                vm.opts.cache.write = false;
            }
            "importtime" => vm.opts.importtime = true,
            _ => {}
        }
    }
    vm.opts.xoptions = o.xoptions.clone();
    if !o.no_jit {
        pvm_jit::install(&mut vm, o.jit_log);
    }
    let interactive_stdin = matches!(o.program, Program::Stdin { .. }) && (stdin_tty || inspect);
    let mut status = match &o.program {
        Program::Command(code) => pvm_interp::run::run_main(&mut vm, code, "<string>", o.dis),
        Program::Module(name) => pvm_interp::run::run_module(&mut vm, name, o.dis, |vm, file| {
            vm.argv[0] = file.to_string();
            vm.set_sys_argv0(file);
        }),
        Program::Script(path) => match read_script(path) {
            Ok(src) => {
                // Like CPython, tracebacks name the main script by its absolute path (sys.argv keeps it
                // as given).
                let code_filename = std::path::absolute(path)
                    .map(|p| p.to_string_lossy().to_string())
                    .unwrap_or(path.clone());
                pvm_interp::run::run_main(&mut vm, &src, &code_filename, o.dis)
            }
            Err(code) => return code,
        },
        Program::Stdin { .. } if interactive_stdin && !o.dis => {
            repl::run(&mut vm, !o.quiet, stdin_tty)
        }
        Program::Stdin { .. } => {
            let mut b = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut b);
            match decode_source(&b, "<stdin>") {
                Ok(s) => pvm_interp::run::run_main(&mut vm, &s, "<stdin>", o.dis),
                Err(code) => return code,
            }
        }
    };
    if inspect && !interactive_stdin && !o.dis {
        status = repl::run(&mut vm, false, stdin_tty);
    }
    if o.jit_stats {
        if let Some(mut jit) = vm.jit.take() {
            let mut err = std::io::stderr();
            jit.report(&mut err);
        } else {
            eprintln!("pvm: JIT disabled (--no-jit)");
        }
    }
    status
}

fn read_script(path: &str) -> Result<String, i32> {
    let p = std::path::Path::new(path);
    // CPython names the script by its absolute path in these messages, and itself by argv[0].
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let prog = std::env::args().next().unwrap_or_else(|| "pvm".into());
    if p.is_dir() {
        eprintln!(
            "{prog}: can't find '__main__' module in '{}'",
            abs.display()
        );
        return Err(1);
    }
    match std::fs::read(p) {
        Ok(bytes) => decode_source(&bytes, &abs.to_string_lossy()),
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(2);
            eprintln!(
                "{prog}: can't open file '{}': [Errno {}] {}",
                abs.display(),
                errno,
                strerror(&e)
            );
            Err(2)
        }
    }
}

/// Source bytes to text (PEP 263), or CPython's SyntaxError line and exit status 1.
fn decode_source(bytes: &[u8], filename: &str) -> Result<String, i32> {
    pvm_interp::source::decode(bytes, filename).map_err(|e| {
        eprintln!("SyntaxError: {}", e.msg);
        1
    })
}

/// The C library's message for an I/O error (what CPython prints after `[Errno N]`).
fn strerror(e: &std::io::Error) -> String {
    let s = e.to_string();
    // std formats "No such file or directory (os error 2)".
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
