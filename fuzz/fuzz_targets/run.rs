//! Run arbitrary source under limits: a time limit (the interpreter's deadline, checked at the same safe
//! points as Ctrl-C, also inside JIT code), a cap on single allocations (MemoryError) and the default
//! recursion limit. Whatever the program does, pvm must not panic or crash. The first byte picks the
//! mode: even = interpreter only, odd = JIT with threshold 1.
//!
//! Replaying trusted programs (the golden suite under ASan, see SAFETY.md): `PVM_FUZZ_TRUSTED=1` keeps
//! `os`/`io`/`open` and prints the program's output instead of capturing it, and `PVM_FUZZ_DEADLINE_MS`
//! replaces the 200 ms deadline.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pvm_interp::interrupt::Watchdog;
use pvm_interp::Vm;
use std::time::{Duration, Instant};

/// Blocks what could touch the machine (files, the environment): the fuzzer runs as whoever started it.
const PRELUDE: &str = "\
import sys
for _m in ('posix', 'os', 'io', '_io', 'shutil', 'subprocess', 'pathlib'):
    sys.modules[_m] = None
del _m
";

fn run_one(jit: bool, src: String) {
    let trusted = std::env::var_os("PVM_FUZZ_TRUSTED").is_some();
    let deadline_ms = std::env::var("PVM_FUZZ_DEADLINE_MS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let mut vm = Vm::new(vec!["fuzz".into()]);
    if !trusted {
        vm.capture_output();
    }
    vm.opts.cache.read = false;
    vm.opts.cache.write = false;
    if jit {
        vm.opts.jit_threshold = 1;
        pvm_jit::install(&mut vm, false);
    }
    pvm_interp::alloc::set_max_alloc(64 << 20);
    if !trusted {
        assert_eq!(pvm_interp::run::run_main(&mut vm, PRELUDE, "<prelude>", false), 0);
        // `open` is a builtin, not a module: remove it too.
        let b = pvm_interp::Value::Obj(vm.builtins.clone());
        let _ = vm.dict_pop(&b, &pvm_interp::Value::str("open"));
    }
    let deadline = Instant::now() + Duration::from_millis(deadline_ms);
    vm.deadline = Some(deadline);
    let _dog = Watchdog::start(deadline);
    let _ = pvm_interp::run::run_main(&mut vm, &src, "<fuzz>", false);
    let _ = vm.take_output();
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(src) = std::str::from_utf8(rest) else {
        return;
    };
    let src = src.to_string();
    // pvm runs programs on a big stack (src/main.rs): so does the fuzzer.
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run_one(mode & 1 == 1, src))
        .unwrap()
        .join()
        .unwrap();
});
