//! Running a program the way `python` does: compile, execute as `__main__`, report errors, exit status.

use crate::compiler::{self, CompileError};
use crate::error::ExcKind;
use crate::object::{Module, Object};
use crate::value::Value;
use crate::vm::Vm;
use std::io::Write;

/// Print a compile error as CPython does (`  File "x.py", line N`, the line, a caret, the message).
pub fn print_compile_error(e: &CompileError) {
    if e.line == 0 {
        // No location (too deeply nested source, NUL bytes in a source string): only the message.
        let _ = writeln!(std::io::stderr(), "{}: {}", e.kind, e.msg);
        return;
    }
    let mut s = format!("  File \"{}\", line {}\n", e.filename, e.line);
    if let Some(text) = &e.text {
        let trimmed = text.trim_start();
        let removed = text.chars().count() - trimmed.chars().count();
        let trimmed = trimmed.trim_end();
        // col 0: no caret (CPython shows none for the tokenizer's indentation errors).
        if !trimmed.is_empty() && e.col == 0 {
            s.push_str(&format!("    {}\n", trimmed));
        } else if !trimmed.is_empty() {
            s.push_str(&format!("    {}\n", trimmed));
        }
        // Column 0: CPython prints no caret (too many levels of indentation, NUL bytes).
        if !trimmed.is_empty() && e.col > 0 {
            let col = (e.col as usize).saturating_sub(1).saturating_sub(removed);
            let width = (e.end_col.saturating_sub(e.col) as usize).max(1);
            let width = width.min(trimmed.chars().count().saturating_sub(col).max(1));
            let col = col.min(trimmed.chars().count());
            s.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width)));
        }
    }
    s.push_str(&format!("{}: {}\n", e.kind, e.msg));
    let _ = std::io::stderr().write_all(s.as_bytes());
}

/// Execute `src` as the `__main__` module. Returns the process exit status.
pub fn run_main(vm: &mut Vm, src: &str, filename: &str, dis: bool) -> i32 {
    if let Some(at) = src.find('\0') {
        // A script's NUL is reported with its line (the text up to the NUL), without a caret.
        let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
        print_compile_error(&CompileError {
            kind: "SyntaxError",
            msg: "source code cannot contain null bytes".into(),
            filename: filename.to_string(),
            line: src[..at].matches('\n').count() as u32 + 1,
            col: 0,
            end_col: 0,
            text: Some(src[line_start..at].to_string()),
        });
        return 1;
    }
    let code = match compiler::compile_module(src, filename) {
        Ok(c) => c,
        Err(e) => {
            print_compile_error(&e);
            return 1;
        }
    };
    let file = (filename != "<string>" && filename != "<stdin>").then_some(filename);
    run_main_code(vm, code, file, None, dis)
}

/// The `__main__` module's namespace, made (and registered in sys.modules) on first use.
pub fn main_globals(vm: &mut Vm) -> crate::object::ObjRef {
    if let Some(g) = &vm.main_globals {
        return g.clone();
    }
    let globals = vm.new_globals("__main__");
    // CPython's script and `-c` namespaces have these as None (`-m` sets `__package__`).
    for k in ["__package__", "__spec__"] {
        let _ = vm.dict_set_str(&globals, &Value::str(k), Value::None);
    }
    let module = Value::obj(Object::Module(Module {
        name: "__main__".into(),
        dict: globals.clone(),
    }));
    let modules = Value::Obj(vm.modules.clone());
    let _ = vm.dict_set(&modules, Value::str("__main__"), module);
    vm.main_globals = Some(globals.clone());
    globals
}

/// Run compiled code as `__main__` (`__file__` and `__package__` set when given); the exit status.
fn run_main_code(
    vm: &mut Vm,
    code: std::rc::Rc<crate::code::Code>,
    file: Option<&str>,
    package: Option<&str>,
    dis: bool,
) -> i32 {
    if dis {
        let mut out = String::new();
        code.disassemble(&mut out);
        let _ = vm.out.write_all(out.as_bytes());
        vm.flush_stdout();
        return 0;
    }
    let globals = main_globals(vm);
    if let Some(f) = file {
        let _ = vm.dict_set_str(&globals, &Value::str("__file__"), Value::str(f));
    }
    if let Some(p) = package {
        let _ = vm.dict_set_str(&globals, &Value::str("__package__"), Value::str(p));
    }
    let result = vm.run_module_code(code, globals);
    let status = match result {
        Ok(_) => 0,
        Err(e) => report_uncaught(vm, e),
    };
    run_atexit(vm);
    vm.finalize_at_exit();
    vm.flush_stdout();
    status
}

/// Run the functions registered with `atexit` (last registered first), if the program imported it.
/// The Python side (`atexit._run_exitfuncs`) reports a failing callback and goes on with the others.
pub fn run_atexit(vm: &mut Vm) {
    let modules = vm.modules.clone();
    let Some(m) = vm.dict_get_str_quiet(&modules, "atexit") else {
        return;
    };
    let r = vm
        .getattr(&m, &Value::str("_run_exitfuncs"))
        .and_then(|f| vm.call(&f, &[]));
    if let Err(e) = r {
        vm.print_exception(e);
    }
}

/// Print an uncaught exception (nothing for SystemExit); the exit status it means.
fn report_uncaught(vm: &mut Vm, mut e: crate::error::PyErr) -> i32 {
    if vm.err_matches(&e, ExcKind::SystemExit) {
        vm.system_exit_code(&mut e)
    } else if vm.err_matches(&e, ExcKind::KeyboardInterrupt) {
        // CPython prints the traceback, then dies of SIGINT (`pvm` re-raises it on itself).
        vm.print_exception(e);
        crate::interrupt::set_died_of_sigint();
        130
    } else {
        vm.print_exception(e);
        1
    }
}

/// `pvm -m NAME`: run module NAME (a package: its `__main__` submodule), found on sys.path like an
/// import, as `__main__`. Its parent packages are imported first; the module itself is not put in
/// sys.modules under its own name. `on_found(path)` is called with the file before it runs (for
/// `sys.argv[0]`).
pub fn run_module(vm: &mut Vm, name: &str, dis: bool, on_found: impl FnOnce(&mut Vm, &str)) -> i32 {
    let found = match vm.find_main_module(name) {
        Ok(Ok(f)) => f,
        Ok(Err(msg)) => {
            vm.flush_stdout();
            eprintln!("pvm: {}", msg);
            return 1;
        }
        Err(e) => {
            let status = report_uncaught(vm, e);
            vm.flush_stdout();
            return status;
        }
    };
    let file = found.path.to_string_lossy().to_string();
    on_found(vm, &file);
    let code = match vm.module_code_for(&found.path) {
        Ok(c) => c,
        Err(e) => {
            let status = report_uncaught(vm, e);
            vm.flush_stdout();
            return status;
        }
    };
    run_main_code(vm, code, Some(&file), Some(&found.package), dis)
}

/// What the REPL should do with the lines typed so far.
#[derive(Debug, PartialEq, Eq)]
pub enum InputStatus {
    /// Nothing but blanks and comments: show the primary prompt again.
    Empty,
    /// Run it (it may still be a syntax error, reported when compiled).
    Complete,
    /// Ask for another line (`...`): an open bracket or triple-quoted string, a backslash at the end,
    /// or a compound statement not yet ended by a blank line.
    Incomplete,
}

/// Decide as CPython's interactive loop does whether `src` (the lines typed so far, each ending in a
/// newline) is a complete entry.
pub fn interactive_input_status(src: &str) -> InputStatus {
    use ruff_python_parser::{LexicalErrorType, ParseErrorType};
    // The line just typed is blank (it ends a compound statement).
    let lines: Vec<&str> = src.split_terminator('\n').collect();
    let last_blank = lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty());
    if src
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return InputStatus::Empty;
    }
    match ruff_python_parser::parse_module(src) {
        Ok(parsed) => {
            let compound = parsed.syntax().body.last().is_some_and(|s| {
                use ruff_python_ast::Stmt;
                matches!(
                    s,
                    Stmt::If(_)
                        | Stmt::For(_)
                        | Stmt::While(_)
                        | Stmt::Try(_)
                        | Stmt::With(_)
                        | Stmt::FunctionDef(_)
                        | Stmt::ClassDef(_)
                        | Stmt::Match(_)
                )
            });
            if compound && !last_blank {
                InputStatus::Incomplete
            } else {
                InputStatus::Complete
            }
        }
        Err(e) => {
            let at_end = e.location.end().to_usize() >= src.trim_end().len();
            match &e.error {
                ParseErrorType::Lexical(LexicalErrorType::Eof) => InputStatus::Incomplete,
                ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) if at_end => {
                    let start = e.location.start().to_usize();
                    let rest = src[start..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
                    if rest.starts_with("'''") || rest.starts_with("\"\"\"") {
                        InputStatus::Incomplete
                    } else {
                        InputStatus::Complete
                    }
                }
                ParseErrorType::OtherError(m)
                    if at_end && m.starts_with("Expected an indented block") && !last_blank =>
                {
                    InputStatus::Incomplete
                }
                _ => InputStatus::Complete,
            }
        }
    }
}

/// Compile and run one REPL entry in `__main__` (expression statements print their repr and set `_`).
/// Errors are reported; `Some(status)` when the entry raised SystemExit.
pub fn run_interactive(vm: &mut Vm, src: &str) -> Option<i32> {
    let code = match compiler::compile_interactive(src, "<stdin>") {
        Ok(c) => c,
        Err(e) => {
            vm.flush_stdout();
            print_compile_error(&e);
            return None;
        }
    };
    let globals = main_globals(vm);
    let r = vm.run_module_code(code, globals);
    vm.flush_stdout();
    match r {
        Ok(_) => None,
        Err(mut e) => {
            if vm.err_matches(&e, ExcKind::SystemExit) {
                Some(vm.system_exit_code(&mut e))
            } else {
                vm.print_exception(e);
                None
            }
        }
    }
}
