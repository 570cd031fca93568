//! The interactive prompt (`pvm` with a terminal on stdin, or `pvm -i`): CPython's REPL behaviour.
//!
//! Lines are read with rustyline when stdin is a terminal (line editing, history kept in
//! `$PVM_HISTFILE` or `~/.pvm_history`), else plainly from stdin with the prompts written to stderr, as
//! CPython does. Lines accumulate until `run::interactive_input_status` says the entry is complete
//! (`...` is shown meanwhile: open brackets, triple-quoted strings, compound statements until a blank
//! line); the entry is then compiled in interactive mode (expression statements print their `repr` and
//! set `_`) and run in `__main__`. Errors print a traceback and the session goes on; `sys.exit()` ends it
//! with its status, Ctrl-D (end of input) with 0. Ctrl-C at the prompt discards the entry being typed
//! and prints `KeyboardInterrupt`.

use pvm_interp::run::{interactive_input_status, run_interactive, InputStatus};
use pvm_interp::Vm;
use rustyline::error::ReadlineError;
use std::io::{BufRead, Write};
use std::path::PathBuf;

enum Line {
    Text(String),
    Interrupted,
    Eof,
}

trait LineSource {
    fn read(&mut self, prompt: &str) -> Line;
    fn add_history(&mut self, _line: &str) {}
    fn save_history(&mut self) {}
}

/// A terminal: rustyline.
struct Terminal {
    ed: rustyline::DefaultEditor,
    history: Option<PathBuf>,
}

impl LineSource for Terminal {
    fn read(&mut self, prompt: &str) -> Line {
        match self.ed.readline(prompt) {
            Ok(s) => Line::Text(s),
            Err(ReadlineError::Interrupted) => Line::Interrupted,
            Err(_) => Line::Eof,
        }
    }
    fn add_history(&mut self, line: &str) {
        if !line.trim().is_empty() {
            let _ = self.ed.add_history_entry(line);
        }
    }
    fn save_history(&mut self) {
        if let Some(p) = &self.history {
            let _ = self.ed.save_history(p);
        }
    }
}

/// Not a terminal: lines from stdin, prompts on stderr.
struct Piped {
    stdin: std::io::StdinLock<'static>,
}

impl LineSource for Piped {
    fn read(&mut self, prompt: &str) -> Line {
        eprint!("{}", prompt);
        let _ = std::io::stderr().flush();
        let mut s = String::new();
        match self.stdin.read_line(&mut s) {
            Ok(0) | Err(_) => Line::Eof,
            Ok(_) => {
                if s.ends_with('\n') {
                    s.pop();
                    if s.ends_with('\r') {
                        s.pop();
                    }
                }
                Line::Text(s)
            }
        }
    }
}

fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PVM_HISTFILE") {
        return (!p.is_empty()).then(|| PathBuf::from(p));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pvm_history"))
}

fn line_source(tty: bool) -> Box<dyn LineSource> {
    if tty {
        let config = rustyline::Config::builder()
            .auto_add_history(false)
            .max_history_size(10_000)
            .map(|b| b.build())
            .unwrap_or_default();
        if let Ok(mut ed) = rustyline::DefaultEditor::with_config(config) {
            let history = history_path();
            if let Some(p) = &history {
                let _ = ed.load_history(p);
            }
            return Box::new(Terminal { ed, history });
        }
    }
    Box::new(Piped {
        stdin: std::io::stdin().lock(),
    })
}

/// Run the prompt until end of input or `sys.exit`; the exit status.
pub fn run(vm: &mut Vm, banner: bool, tty: bool) -> i32 {
    vm.flush_stdout();
    if banner {
        eprintln!(
            "pvm {} (Python 3.11.7) on {}\nType Ctrl-D to exit, Ctrl-C to cancel a line.",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS
        );
    }
    // The namespace exists before the first entry (and is the script's after `-i`).
    pvm_interp::run::main_globals(vm);
    let mut src = line_source(tty);
    let mut entry = String::new();
    let status = loop {
        let prompt = if entry.is_empty() { ">>> " } else { "... " };
        match src.read(prompt) {
            Line::Eof => {
                if tty {
                    eprintln!();
                }
                break 0;
            }
            Line::Interrupted => {
                entry.clear();
                eprintln!("KeyboardInterrupt");
            }
            Line::Text(line) => {
                src.add_history(&line);
                entry.push_str(&line);
                entry.push('\n');
                match interactive_input_status(&entry) {
                    InputStatus::Empty => entry.clear(),
                    InputStatus::Incomplete => {}
                    InputStatus::Complete => {
                        let text = std::mem::take(&mut entry);
                        if let Some(status) = run_interactive(vm, &text) {
                            break status;
                        }
                    }
                }
            }
        }
    };
    src.save_history();
    vm.flush_stdout();
    status
}
