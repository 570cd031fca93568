//! Running a program the way `python` does: compile, execute as `__main__`, report errors, exit status.

use crate::compiler::{self, CompileError};
use crate::error::ExcKind;
use crate::object::{Module, Object};
use crate::value::Value;
use crate::vm::Vm;
use std::io::Write;

/// Print a compile error as CPython does (`  File "x.py", line N`, the line, a caret, the message).
pub fn print_compile_error(e: &CompileError) {
    let mut s = format!("  File \"{}\", line {}\n", e.filename, e.line);
    if let Some(text) = &e.text {
        let trimmed = text.trim_start();
        let removed = text.chars().count() - trimmed.chars().count();
        let trimmed = trimmed.trim_end();
        if !trimmed.is_empty() {
            s.push_str(&format!("    {}\n", trimmed));
            let col = (e.col as usize).saturating_sub(1).saturating_sub(removed);
            let width = (e.end_col.saturating_sub(e.col) as usize).max(1);
            let width = width.min(trimmed.chars().count().saturating_sub(col).max(1));
            s.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width)));
        }
    }
    s.push_str(&format!("{}: {}\n", e.kind, e.msg));
    let _ = std::io::stderr().write_all(s.as_bytes());
}

/// Execute `src` as the `__main__` module. Returns the process exit status.
pub fn run_main(vm: &mut Vm, src: &str, filename: &str, dis: bool) -> i32 {
    let code = match compiler::compile_module(src, filename) {
        Ok(c) => c,
        Err(e) => {
            print_compile_error(&e);
            return 1;
        }
    };
    if dis {
        let mut out = String::new();
        code.disassemble(&mut out);
        let _ = vm.out.write_all(out.as_bytes());
        vm.flush_stdout();
        return 0;
    }
    let globals = vm.new_globals("__main__");
    if filename != "<string>" && filename != "<stdin>" {
        let _ = vm.dict_set_str(&globals, &Value::str("__file__"), Value::str(filename));
    }
    let module = Value::obj(Object::Module(Module {
        name: "__main__".into(),
        dict: globals.clone(),
    }));
    let modules = Value::Obj(vm.modules.clone());
    let _ = vm.dict_set(&modules, Value::str("__main__"), module);
    vm.main_globals = Some(globals.clone());
    let result = vm.run_module_code(code, globals);
    let status = match result {
        Ok(_) => 0,
        Err(mut e) => {
            if vm.err_matches(&e, ExcKind::SystemExit) {
                vm.system_exit_code(&mut e)
            } else {
                vm.print_exception(e);
                1
            }
        }
    };
    vm.flush_stdout();
    status
}
