//! Interpreter microbenchmarks: dispatch, Python→Python calls, builtin calls, global/attribute lookup, and
//! the front end (parse + compile).
//!
//! Each benchmark calls a Python function that runs a loop of `N` iterations of the operation under test,
//! so criterion's per-element figure (`Throughput::Elements(N)`) is the cost of one iteration of that loop,
//! loop overhead included (`dispatch/for_range_add` is the bare loop to subtract). The functions are
//! defined once per group; an iteration runs a precompiled `f(N)` module snippet in the same globals.
//!
//! Run: `cargo bench --bench interp` (add a filter, e.g. `-- calls/`, to run a subset).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pvm_interp::compiler::compile_module;
use pvm_interp::Vm;
use std::hint::black_box;

/// Loop iterations per measured call.
const N: u64 = 10_000;

const DEFS: &str = r#"
import math
G = 3

def while_add(n):
    i = 0
    while i < n:
        i = i + 1
    return i

def for_range_add(n):
    s = 0
    for i in range(n):
        s += i
    return s

def for_range_float(n):
    x = 0.0
    for i in range(n):
        x = x * 0.5 + 1.25
    return x

def ident(x):
    return x

def add3(a, b, c=1):
    return a + b + c

def call_1arg(n):
    for i in range(n):
        ident(i)

def call_3args_kw(n):
    for i in range(n):
        add3(i, 2, c=3)

def call_default(n):
    for i in range(n):
        add3(i, 2)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def builtin_len(n):
    l = [1, 2, 3]
    for i in range(n):
        len(l)

def builtin_abs(n):
    for i in range(n):
        abs(i)

def builtin_min2(n):
    for i in range(n):
        min(i, 5)

def method_dict_get(n):
    d = {1: 2}
    for i in range(n):
        d.get(1)

def method_list_append_pop(n):
    l = []
    for i in range(n):
        l.append(i)
        l.pop()

def load_global(n):
    for i in range(n):
        x = G

def load_builtin(n):
    for i in range(n):
        x = len

def module_attr(n):
    for i in range(n):
        x = math.pi

def method_attr(n):
    y = 7
    for i in range(n):
        x = y.bit_length
"#;

/// A VM with `DEFS` loaded into a `__main__` namespace.
struct Env {
    vm: Vm,
    globals: pvm_interp::object::ObjRef,
}

impl Env {
    fn new() -> Env {
        let mut vm = Vm::new(vec!["bench".into()]);
        let globals = vm.new_globals("__main__");
        let code = compile_module(DEFS, "<bench>").unwrap_or_else(|e| panic!("compile: {}", e.msg));
        if vm.run_module_code(code, globals.clone()).is_err() {
            panic!("running the benchmark definitions failed");
        }
        Env { vm, globals }
    }

    /// Benchmark `call` (a Python expression, typically `f(N)`), counting `elements` per run.
    fn bench(&mut self, c: &mut Criterion, group: &str, name: &str, call: &str, elements: u64) {
        let code = compile_module(call, "<bench>").unwrap_or_else(|e| panic!("compile: {}", e.msg));
        // Run once outside the timing loop: any error is a bug in the benchmark, not a number.
        if self
            .vm
            .run_module_code(code.clone(), self.globals.clone())
            .is_err()
        {
            panic!("{group}/{name}: `{call}` raised");
        }
        let mut g = c.benchmark_group(group);
        g.throughput(Throughput::Elements(elements));
        let (vm, globals) = (&mut self.vm, &self.globals);
        g.bench_function(name, |b| {
            b.iter(|| black_box(vm.run_module_code(code.clone(), globals.clone()).is_ok()))
        });
        g.finish();
    }
}

fn loop_bench(env: &mut Env, c: &mut Criterion, group: &str, func: &str) {
    env.bench(c, group, func, &format!("{func}({N})"), N);
}

fn dispatch(c: &mut Criterion) {
    let mut env = Env::new();
    for f in ["while_add", "for_range_add", "for_range_float"] {
        loop_bench(&mut env, c, "dispatch", f);
    }
}

fn calls(c: &mut Criterion) {
    let mut env = Env::new();
    for f in ["call_1arg", "call_3args_kw", "call_default"] {
        loop_bench(&mut env, c, "calls", f);
    }
    // fib(20) makes 21,891 calls.
    env.bench(c, "calls", "fib20", "fib(20)", 21_891);
}

fn builtin_calls(c: &mut Criterion) {
    let mut env = Env::new();
    for f in [
        "builtin_len",
        "builtin_abs",
        "builtin_min2",
        "method_dict_get",
        "method_list_append_pop",
    ] {
        loop_bench(&mut env, c, "builtin_calls", f);
    }
}

fn lookups(c: &mut Criterion) {
    let mut env = Env::new();
    for f in ["load_global", "load_builtin", "module_attr", "method_attr"] {
        loop_bench(&mut env, c, "lookups", f);
    }
}

/// Parse + compile to bytecode (what every `pvm script.py` pays before running), on a real program.
fn front_end(c: &mut Criterion) {
    let src = include_str!("../perf/programs/nbody.py");
    let mut g = c.benchmark_group("front_end");
    g.throughput(Throughput::Bytes(src.len() as u64));
    g.bench_function("compile_nbody", |b| {
        b.iter(|| black_box(compile_module(black_box(src), "nbody.py").is_ok()))
    });
    g.finish();
    // Creating an interpreter (builtins, types, sys): part of every start-up.
    c.bench_function("front_end/vm_new", |b| {
        b.iter(|| black_box(Vm::new(vec!["bench".into()]).stack.len()))
    });
}

criterion_group!(benches, dispatch, calls, builtin_calls, lookups, front_end);
criterion_main!(benches);
