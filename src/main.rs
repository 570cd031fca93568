//! The `pvm` command: run Python programs like `python3` does.

mod bench;

use clap::Parser;
use pvm_interp::Vm;
use std::io::Read;
use std::process::ExitCode;

/// Loop iterations before a loop is considered hot.
const DEFAULT_JIT_THRESHOLD: u32 = pvm_jit::DEFAULT_THRESHOLD;

#[derive(Parser, Debug)]
#[command(
    name = "pvm",
    version,
    about = "pvm: a fast Python 3.11 runtime with a tracing JIT"
)]
struct Cli {
    /// Program passed in as a string (terminates the option list).
    #[arg(short = 'c', value_name = "CODE")]
    command: Option<String>,
    /// Run the interpreter only (no JIT).
    #[arg(long = "no-jit")]
    no_jit: bool,
    /// Loop iterations before the JIT records a trace (1 = always).
    #[arg(long = "jit-threshold", value_name = "N")]
    jit_threshold: Option<u32>,
    /// Print JIT statistics to stderr at exit.
    #[arg(long = "jit-stats")]
    jit_stats: bool,
    /// Print each trace's IR and machine code to stderr.
    #[arg(long = "jit-log")]
    jit_log: bool,
    /// Print the bytecode listing of the program instead of running it.
    #[arg(long = "dis")]
    dis: bool,
    /// Don't write bytecode caches (accepted for compatibility).
    #[arg(short = 'B')]
    no_bytecode: bool,
    /// Unbuffered output (accepted for compatibility).
    #[arg(short = 'u')]
    unbuffered: bool,
    /// Ignore PYTHON* environment variables.
    #[arg(short = 'E')]
    ignore_env: bool,
    /// The script to run (`-` for stdin) and its arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

fn main() -> ExitCode {
    // `pvm bench script.py [args]` (src/bench.rs); a script named `bench` runs as `pvm ./bench`.
    if std::env::args_os().nth(1).is_some_and(|a| a == "bench") {
        return bench::main(std::env::args_os().skip(1).collect());
    }
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    // The interpreter runs on a thread with a large stack: Python-level recursion does not use the Rust
    // stack, but native recursion (repr of deeply nested lists, sort keys calling Python) does, and is
    // bounded by counters sized for this stack.
    let handle = std::thread::Builder::new()
        .name("pvm-main".into())
        .stack_size(1 << 30)
        .spawn(move || run(cli))
        .expect("spawn interpreter thread");
    let status = handle.join().unwrap_or(70);
    ExitCode::from(status.clamp(0, 255) as u8)
}

fn run(cli: Cli) -> i32 {
    let (src, filename, argv) = if let Some(code) = &cli.command {
        let mut argv = vec!["-c".to_string()];
        argv.extend(cli.args.iter().cloned());
        (code.clone(), "<string>".to_string(), argv)
    } else if let Some(script) = cli.args.first() {
        if script == "-" {
            let mut s = String::new();
            let _ = std::io::stdin().read_to_string(&mut s);
            (s, "<stdin>".to_string(), cli.args.clone())
        } else {
            match read_script(script) {
                Ok(s) => (s, script.clone(), cli.args.clone()),
                Err(code) => return code,
            }
        }
    } else {
        let mut s = String::new();
        let _ = std::io::stdin().read_to_string(&mut s);
        (s, "<stdin>".to_string(), vec![String::new()])
    };
    let mut vm = Vm::new(argv);
    let script_dir = if cli.command.is_some() || filename == "<stdin>" {
        String::new()
    } else {
        std::path::Path::new(&filename)
            .parent()
            .map(|p| p.to_string_lossy().to_string())
            .unwrap_or_default()
    };
    vm.path.push(script_dir);
    if !cli.ignore_env {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            vm.path.extend(
                pp.split(':')
                    .filter(|s| !s.is_empty())
                    .map(|s| s.to_string()),
            );
        }
    }
    let jit_on = !cli.no_jit;
    vm.opts.jit_threshold = cli.jit_threshold.unwrap_or(DEFAULT_JIT_THRESHOLD).max(1);
    if jit_on {
        pvm_jit::install(&mut vm, cli.jit_log);
    }
    let _ = (cli.no_bytecode, cli.unbuffered);
    // Like CPython, tracebacks name the main script by its absolute path (sys.argv keeps it as given).
    let code_filename = if filename.starts_with('<') {
        filename.clone()
    } else {
        std::path::absolute(&filename)
            .map(|p| p.to_string_lossy().to_string())
            .unwrap_or(filename.clone())
    };
    let status = pvm_interp::run::run_main(&mut vm, &src, &code_filename, cli.dis);
    if cli.jit_stats {
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
    let abs = std::fs::canonicalize(p)
        .unwrap_or_else(|_| std::env::current_dir().unwrap_or_default().join(p));
    if p.is_dir() {
        eprintln!("pvm: can't find '__main__' module in '{}'", path);
        return Err(1);
    }
    match std::fs::read(p) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => Ok(s),
            Err(e) => {
                let pos = e.utf8_error().valid_up_to();
                eprintln!(
                    "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    e.as_bytes()[pos],
                    path,
                    e.as_bytes()[..pos].iter().filter(|&&b| b == b'\n').count() + 1
                );
                Err(1)
            }
        },
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(2);
            let msg = match e.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                _ => e.to_string(),
            };
            eprintln!(
                "pvm: can't open file '{}': [Errno {}] {}",
                abs.display(),
                errno,
                msg
            );
            Err(2)
        }
    }
}
