//! The command line, parsed the way CPython's `Modules/getopt.c` parses `python`'s: options come
//! first, may be clustered (`-Bu`), and take their value attached or as the next argument (`-cCODE`,
//! `-c CODE`); `-c`, `-m`, a script name or `-` end the options, and everything after them is the
//! program's `sys.argv[1:]`. pvm's own long options (`--no-jit`, ...) are accepted among the options.

use std::ffi::OsString;

pub const USAGE: &str = "\
usage: pvm [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (as in CPython unless marked pvm):
-B     : don't write bytecode caches (__pycache__/*.pvmc); also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script or command; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-m mod : run library module as a script (terminates option list)
-q     : don't print version and copyright messages on interactive startup
-u     : force the stdout and stderr streams to be unbuffered; also PYTHONUNBUFFERED=x
-V     : print the Python version number and exit (also --version)
-X opt : set implementation-specific option:
         -X pvm-cache-verbose: report every bytecode cache hit, miss (with the reason) and write
         -X pvm-cache=off: neither read nor write bytecode caches
         -X importtime: show how long each import takes (as CPython does)
         other -X options are accepted and kept in sys._xoptions
--dis  : (pvm) print pvm's bytecode listing of the program instead of running it
--no-jit: (pvm) run the interpreter only
--jit-threshold N: (pvm) loop iterations before the JIT records a trace (1 = always)
--jit-stats: (pvm) print what the JIT did to stderr at exit
--jit-log: (pvm) print each trace's IR and machine code to stderr
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

Other environment variables:
PYTHONPATH   : ':'-separated list of directories prefixed to the default module search path
PVM_HISTFILE : the interactive history file (default ~/.pvm_history)
";

/// What to run.
#[derive(Debug, PartialEq, Eq, Clone)]
pub enum Program {
    Command(String),
    Module(String),
    Script(String),
    /// `-` or no program: stdin (the REPL when it is a terminal).
    Stdin {
        explicit: bool,
    },
}

#[derive(Debug, Clone)]
pub struct Options {
    pub program: Program,
    /// `sys.argv[1:]`.
    pub args: Vec<String>,
    pub no_bytecode: bool,
    pub ignore_env: bool,
    pub inspect: bool,
    pub quiet: bool,
    pub unbuffered: bool,
    /// `-X` options in order, as given (`name` or `name=value`).
    pub xoptions: Vec<String>,
    pub dis: bool,
    pub no_jit: bool,
    pub jit_threshold: Option<u32>,
    pub jit_stats: bool,
    pub jit_log: bool,
}

/// What parsing asks for instead of running a program.
#[derive(Debug)]
pub enum Exit {
    Help,
    Version,
    /// A usage error: the message (printed with the usage line, exit status 2).
    Usage(String),
}

pub fn parse(argv: Vec<OsString>) -> Result<Options, Exit> {
    let argv: Vec<String> = argv
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut o = Options {
        program: Program::Stdin { explicit: false },
        args: Vec::new(),
        no_bytecode: false,
        ignore_env: false,
        inspect: false,
        quiet: false,
        unbuffered: false,
        xoptions: Vec::new(),
        dis: false,
        no_jit: false,
        jit_threshold: None,
        jit_stats: false,
        jit_log: false,
    };
    let mut i = 0;
    let mut version = false;
    while i < argv.len() {
        let a = &argv[i];
        i += 1;
        if a == "--" {
            break;
        }
        if a == "-" || !a.starts_with('-') {
            i -= 1;
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            match name {
                "help" => return Err(Exit::Help),
                "version" => version = true,
                "dis" => o.dis = true,
                "no-jit" => o.no_jit = true,
                "jit-stats" => o.jit_stats = true,
                "jit-log" => o.jit_log = true,
                "jit-threshold" => {
                    let v = match inline {
                        Some(v) => v,
                        None if i < argv.len() => {
                            i += 1;
                            argv[i - 1].clone()
                        }
                        None => {
                            return Err(Exit::Usage(
                                "Argument expected for the --jit-threshold option".into(),
                            ))
                        }
                    };
                    match v.parse::<u32>() {
                        Ok(n) => o.jit_threshold = Some(n),
                        Err(_) => {
                            return Err(Exit::Usage(format!(
                                "--jit-threshold expects a number, not '{}'",
                                v
                            )))
                        }
                    }
                }
                _ => return Err(Exit::Usage(format!("unknown option --{}", name))),
            }
            continue;
        }
        // A cluster of short options.
        let chars: Vec<char> = a[1..].chars().collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            k += 1;
            let mut value = || -> Result<String, Exit> {
                if k < chars.len() {
                    let v: String = chars[k..].iter().collect();
                    k = chars.len();
                    Ok(v)
                } else if i < argv.len() {
                    i += 1;
                    Ok(argv[i - 1].clone())
                } else {
                    Err(Exit::Usage(format!(
                        "Argument expected for the -{} option",
                        c
                    )))
                }
            };
            match c {
                'c' => {
                    o.program = Program::Command(value()?);
                    o.args = argv[i..].to_vec();
                    return finish(o, version);
                }
                'm' => {
                    o.program = Program::Module(value()?);
                    o.args = argv[i..].to_vec();
                    return finish(o, version);
                }
                'X' => {
                    let x = value()?;
                    o.xoptions.push(x);
                }
                'B' => o.no_bytecode = true,
                'E' => o.ignore_env = true,
                'i' => o.inspect = true,
                'q' => o.quiet = true,
                'u' => o.unbuffered = true,
                'V' => version = true,
                'h' | '?' => return Err(Exit::Help),
                _ => return Err(Exit::Usage(format!("Unknown option: -{}", c))),
            }
        }
    }
    if i < argv.len() {
        let s = argv[i].clone();
        o.program = if s == "-" {
            Program::Stdin { explicit: true }
        } else {
            Program::Script(s)
        };
        o.args = argv[i + 1..].to_vec();
    }
    finish(o, version)
}

fn finish(o: Options, version: bool) -> Result<Options, Exit> {
    if version {
        return Err(Exit::Version);
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Options, Exit> {
        parse(args.iter().map(OsString::from).collect())
    }

    #[test]
    fn options_end_at_the_program() {
        let o = p(&["-B", "x.py", "-c", "y"]).unwrap();
        assert_eq!(o.program, Program::Script("x.py".into()));
        assert_eq!(o.args, ["-c", "y"]);
        assert!(o.no_bytecode);
        let o = p(&["-uBc", "print(1)", "-i"]).unwrap();
        assert_eq!(o.program, Program::Command("print(1)".into()));
        assert_eq!(o.args, ["-i"]);
        assert!(o.unbuffered && o.no_bytecode && !o.inspect);
        let o = p(&["-mpkg.mod", "a"]).unwrap();
        assert_eq!(o.program, Program::Module("pkg.mod".into()));
        assert_eq!(o.args, ["a"]);
        let o = p(&["-X", "a=1", "-Xb", "--jit-threshold=3", "--", "-weird.py"]).unwrap();
        assert_eq!(o.xoptions, ["a=1", "b"]);
        assert_eq!(o.jit_threshold, Some(3));
        assert_eq!(o.program, Program::Script("-weird.py".into()));
        let o = p(&["-", "x"]).unwrap();
        assert_eq!(o.program, Program::Stdin { explicit: true });
        assert_eq!(o.args, ["x"]);
        let o = p(&[]).unwrap();
        assert_eq!(o.program, Program::Stdin { explicit: false });
        assert!(matches!(p(&["-c"]), Err(Exit::Usage(_))));
        assert!(matches!(p(&["-z"]), Err(Exit::Usage(_))));
        assert!(matches!(p(&["-V", "x.py"]), Err(Exit::Version)));
    }
}
