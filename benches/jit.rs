//! JIT microbenchmarks.
//!
//! - `compile/*`: the back half alone on IR text (the recorded shape of `sum_squares` and a float kernel):
//!   optimiser, Cranelift backend, and both from text.
//! - `run/*`, `exit/*`: a compiled trace run natively on a slot array; leaving it through a guard exit
//!   (the native half of a deopt: exit trampoline + snapshot write-back).
//! - `e2e/*`: the whole JIT inside a `Vm` (`pvm_jit::install`), each next to the interpreter alone:
//!   `record_compile` is the first call of a function whose loop becomes hot at once (threshold 1), so the
//!   JIT variant pays recording + optimising + compiling (its time minus the interpreter's is that
//!   latency); `exit_roundtrip` calls an already-compiled loop for 2 iterations, so every call enters the
//!   trace and leaves it by the loop guard (snapshot write-back, frame restore, interpreter resumes): the
//!   cost of a deopt; `hot_loop` is 10,000 iterations in steady state.
//!
//! Type-guard failures are not measured separately: after `HOTEXIT` failures the driver records a side
//! trace for that exit, so a steady stream of deopts from one guard does not exist by design.
//!
//! Run: `cargo bench --bench jit` (add a filter, e.g. `-- e2e/`, for a subset).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use pvm_interp::code::Code;
use pvm_interp::compiler::compile_module;
use pvm_interp::object::ObjRef;
use pvm_interp::Vm;
use pvm_jit::abi::RawValue;
use pvm_jit::backend::{Backend, BackendConfig};
use pvm_jit::ir::{parse_trace, Trace};
use pvm_jit::opt::{optimize, OptConfig};
use std::hint::black_box;
use std::rc::Rc;

/// `s += i*i for i in range(i, n)`: slots 0 = i, 1 = n, 2 = s, as the recorder records one iteration
/// (same text as `jit/tests/common`).
const SUM_SQUARES: &str = "
    snap #entry pc=0 frames=[] {}
    %i = sload.int 0 #entry
    %n = sload.int 1 #entry
    %s = sload.int 2 #entry
    %c = lt %i, %n
    snap #cond pc=10 frames=[] {}
    guard_true %c #cond
    snap #body pc=20 frames=[] {}
    %sq = mul_ov %i, %i #body
    %s2 = add_ov %s, %sq #body
    %i2 = add_ov %i, 1 #body
    snap #back pc=0 frames=[] {0: %i2, 2: %s2}
    jump #back
";

/// A float kernel with more values live across the loop (slots 0 = i, 1 = n, 2 = x, 3 = y).
const FLOAT_KERNEL: &str = "
    snap #0 pc=0 {}
    %i = sload.int 0 #0
    %n = sload.int 1 #0
    %x = sload.float 2 #0
    %y = sload.float 3 #0
    %c = lt %i, %n
    snap #1 pc=4 {}
    guard_true %c #1
    %a = fmul %x, 0.5
    %b = fadd %a, %y
    %d = fmul %y, 0.999
    %e = fsub %b, %d
    %f = fmul %e, %e
    %g = fadd %f, 1.0
    %h = fdiv %b, %g #1
    %i2 = add_ov %i, 1 #1
    snap #2 pc=0 {0: %i2, 2: %h, 3: %d}
    jump #2
";

fn parse(text: &str) -> Trace {
    parse_trace(text).unwrap_or_else(|e| panic!("parse: {e}"))
}

fn optimized(text: &str) -> Trace {
    let mut t = parse(text);
    optimize(&mut t, &OptConfig::default()).unwrap_or_else(|e| panic!("optimize: {e}"));
    t
}

fn backend() -> Backend {
    Backend::with_config(&[], BackendConfig::default()).unwrap_or_else(|e| panic!("backend: {e}"))
}

/// Compile latency: the optimiser alone, the backend alone, and the whole pipeline from IR text.
fn compile(c: &mut Criterion) {
    let mut g = c.benchmark_group("compile");
    for (name, text) in [("sum_squares", SUM_SQUARES), ("float_kernel", FLOAT_KERNEL)] {
        let recorded = parse(text);
        g.bench_function(format!("optimize/{name}"), |b| {
            b.iter_batched(
                || recorded.clone(),
                |mut t| {
                    optimize(&mut t, &OptConfig::default()).unwrap();
                    t
                },
                BatchSize::SmallInput,
            )
        });
        let opt = optimized(text);
        let mut be = backend();
        g.bench_function(format!("backend/{name}"), |b| {
            b.iter(|| be.compile(black_box(&opt)).unwrap())
        });
        g.bench_function(format!("text_to_native/{name}"), |b| {
            b.iter(|| {
                let mut t = parse_trace(black_box(text)).unwrap();
                optimize(&mut t, &OptConfig::default()).unwrap();
                be.compile(&t).unwrap()
            })
        });
    }
    g.finish();
}

/// Native execution: 1,000 iterations of the sum-of-squares loop per call.
fn run_native(c: &mut Criterion) {
    let t = optimized(SUM_SQUARES);
    let mut be = backend();
    let ct = be.compile(&t).unwrap();
    let mut g = c.benchmark_group("run");
    g.throughput(Throughput::Elements(1000));
    g.bench_function("sum_squares_1000", |b| {
        b.iter(|| {
            let mut slots = [RawValue::int(0), RawValue::int(1000), RawValue::int(0)];
            // SAFETY: the trace touches slots 0..3 only and calls no helpers (ctx unused).
            let exit = unsafe { ct.run(slots.as_mut_ptr(), std::ptr::null_mut()) };
            black_box((exit, slots[2].payload))
        })
    });
    g.finish();
}

/// Leaving a trace: enter and exit at once (the pre-roll's loop guard fails, nothing to write back), and
/// exit from the loop body on an overflow guard after one iteration (write-back of the snapshot).
fn exits(c: &mut Criterion) {
    let t = optimized(SUM_SQUARES);
    let mut be = backend();
    let ct = be.compile(&t).unwrap();
    // Check once that each case leaves where it is meant to.
    let run = |mut slots: [RawValue; 3]| {
        // SAFETY: as in `run_native`.
        let g = unsafe { ct.run(slots.as_mut_ptr(), std::ptr::null_mut()) };
        let e = ct.local_exit(g).expect("an exit of this trace");
        (
            t.snaps[ct.exit_info(e).expect("exit info").snap.index()].pc,
            slots,
        )
    };
    let (pc, _) = run([RawValue::int(5), RawValue::int(5), RawValue::int(7)]);
    assert_eq!(pc, 10, "the loop condition's guard");
    let (pc, slots) = run([
        RawValue::int(0),
        RawValue::int(100),
        RawValue::int(i64::MAX),
    ]);
    assert_eq!(
        (pc, slots[0]),
        (20, RawValue::int(1)),
        "the overflow guard, after one iteration"
    );

    let mut g = c.benchmark_group("exit");
    g.bench_function("enter_and_exit_at_first_guard", |b| {
        b.iter(|| {
            let mut slots = [RawValue::int(5), RawValue::int(5), RawValue::int(7)];
            // SAFETY: as in `run_native`.
            let exit = unsafe { ct.run(slots.as_mut_ptr(), std::ptr::null_mut()) };
            black_box(exit)
        })
    });
    g.bench_function("overflow_guard_after_one_iteration", |b| {
        b.iter(|| {
            // s + 1*1 overflows in the second iteration's add_ov: one iteration runs, then the body's
            // guard exits with the pre-overflow state written back.
            let mut slots = [
                RawValue::int(0),
                RawValue::int(100),
                RawValue::int(i64::MAX),
            ];
            // SAFETY: as in `run_native`.
            let exit = unsafe { ct.run(slots.as_mut_ptr(), std::ptr::null_mut()) };
            black_box((exit, slots[0].payload))
        })
    });
    g.finish();
}

/// The Python side of the end-to-end benchmarks.
const KERNEL: &str = "
def kernel(n):
    s = 0
    for i in range(n):
        s += i * i
    return s
";

fn compile_py(src: &str) -> Rc<Code> {
    compile_module(src, "<bench>").unwrap_or_else(|e| panic!("compile: {}", e.msg))
}

/// A VM (with the JIT installed when `jit`) with `KERNEL` defined.
struct Py {
    vm: Vm,
    globals: ObjRef,
}

impl Py {
    fn new(jit: bool, threshold: u32) -> Py {
        let mut vm = Vm::new(vec!["bench".into()]);
        vm.opts.jit_threshold = threshold;
        if jit {
            pvm_jit::install(&mut vm, false);
            assert!(
                vm.jit.is_some(),
                "the JIT could not be installed on this machine"
            );
        }
        let globals = vm.new_globals("__main__");
        let mut py = Py { vm, globals };
        py.run(&compile_py(KERNEL));
        py
    }

    fn run(&mut self, code: &Rc<Code>) {
        if self
            .vm
            .run_module_code(code.clone(), self.globals.clone())
            .is_err()
        {
            panic!("the benchmark's Python code raised");
        }
    }
}

fn e2e(c: &mut Criterion) {
    // Check once that the JIT really compiles the kernel's loop on the first call with threshold 1, and
    // that further short calls reuse that trace.
    {
        let mut vm = Vm::new(vec!["bench".into()]);
        vm.opts.jit_threshold = 1;
        let (_log, cap) = pvm_jit::driver::install_capture(&mut vm);
        let globals = vm.new_globals("__main__");
        let mut py = Py { vm, globals };
        py.run(&compile_py(KERNEL));
        py.run(&compile_py("kernel(5)"));
        assert!(
            !cap.borrow().traces.is_empty(),
            "no trace compiled: {:?}",
            cap.borrow().aborts
        );
        let roots = cap.borrow().traces.len();
        for _ in 0..50 {
            py.run(&compile_py("kernel(2)"));
        }
        eprintln!(
            "e2e check: {roots} trace(s) after the first call, {} after 50 more short calls, aborts: {:?}",
            cap.borrow().traces.len(),
            cap.borrow().aborts
        );
    }

    let first = compile_py("kernel(5)");
    let short = compile_py("kernel(2)");
    let long = compile_py("kernel(10000)");
    let mut g = c.benchmark_group("e2e");
    g.sample_size(30);
    for (variant, jit) in [("jit", true), ("interp", false)] {
        g.bench_function(format!("record_compile/{variant}"), |b| {
            b.iter_batched(
                || Py::new(jit, 1),
                |mut py| {
                    py.run(&first);
                    py // dropped outside the timing
                },
                BatchSize::PerIteration,
            )
        });
        let mut py = Py::new(jit, 1);
        py.run(&long);
        g.bench_function(format!("exit_roundtrip/{variant}"), |b| {
            b.iter(|| py.run(black_box(&short)))
        });
        g.bench_function(format!("hot_loop_10000/{variant}"), |b| {
            b.iter(|| py.run(black_box(&long)))
        });
    }
    g.finish();
}

criterion_group!(benches, compile, run_native, exits, e2e);
criterion_main!(benches);
