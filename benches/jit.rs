//! JIT microbenchmarks on the `pvm_jit` back half: IR text → optimiser → Cranelift, native trace runs, and
//! the cost of leaving a trace through a guard exit (the native half of a deopt).
//!
//! TODO(recorder): once the interpreter↔JIT hook exists (a `pvm_interp::vm::JitHooks` implementation
//! exported by `pvm_jit`, installed into `Vm::jit`, with `on_hot_loop` recording via `record_instr`),
//! add the two end-to-end benchmarks the issue asks for: *trace recording + compile latency* (run a hot
//! loop under a fresh `Vm` with `jit_threshold = 1` until its first trace is compiled) and *deopt cost*
//! (a loop whose guard fails every N iterations, measuring the interpreter-side frame rebuild as well).
//! Until then, `compile/*` covers the compile latency from a recorded-shaped trace and `exit/*` the native
//! side of a guard failure (snapshot write-back through the exit trampoline).
//!
//! Run: `cargo bench --bench jit`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use pvm_jit::abi::RawValue;
use pvm_jit::backend::{Backend, BackendConfig};
use pvm_jit::ir::{parse_trace, Trace};
use pvm_jit::opt::{optimize, OptConfig};
use std::hint::black_box;

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
        g.bench_function(format!("backend/{name}"), |b| b.iter(|| be.compile(black_box(&opt)).unwrap()));
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
        (t.snaps[ct.exit_info(e).expect("exit info").snap.index()].pc, slots)
    };
    let (pc, _) = run([RawValue::int(5), RawValue::int(5), RawValue::int(7)]);
    assert_eq!(pc, 10, "the loop condition's guard");
    let (pc, slots) = run([RawValue::int(0), RawValue::int(100), RawValue::int(i64::MAX)]);
    assert_eq!((pc, slots[0]), (20, RawValue::int(1)), "the overflow guard, after one iteration");

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
            let mut slots = [RawValue::int(0), RawValue::int(100), RawValue::int(i64::MAX)];
            // SAFETY: as in `run_native`.
            let exit = unsafe { ct.run(slots.as_mut_ptr(), std::ptr::null_mut()) };
            black_box((exit, slots[0].payload))
        })
    });
    g.finish();
}

criterion_group!(benches, compile, run_native, exits);
criterion_main!(benches);
