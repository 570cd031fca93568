//! Compile-only checks: AArch64 code generation from any host, and compile-time budgets.

mod common;
use common::*;
use pvm_jit::backend::{cross_compile, Backend, BackendConfig, HelperSig, HelperSpec};
use pvm_jit::ir::{Op, SnapId, Trace, Type};
use pvm_jit::opt::{optimize, Emitter, OptConfig};
use std::time::{Duration, Instant};

extern "C" fn nop_helper() {}

fn fake_helpers() -> Vec<HelperSpec> {
    let a = nop_helper as *const () as usize;
    vec![
        HelperSpec::new(
            "store_obj",
            a,
            HelperSig::new(&[Type::Ptr, Type::Obj], Type::Void),
        ),
        HelperSpec::new("drop_value", a, HelperSig::new(&[Type::Ptr], Type::Void)),
        HelperSpec::new("sin", a, HelperSig::new(&[Type::Float], Type::Float)),
        HelperSpec::new(
            "checked",
            a,
            HelperSig::new(&[Type::Int], Type::Int).with_ctx().guarded(),
        ),
        HelperSpec::new("count", a, HelperSig::new(&[Type::Int], Type::Void)),
        HelperSpec::new(
            "store_wide",
            a,
            HelperSig::new(&[Type::Ptr, Type::Int, Type::Int], Type::Void),
        ),
        HelperSpec::new(
            "wide_unbox",
            a,
            HelperSig::new(&[Type::Obj, Type::Ptr], Type::Int),
        ),
        HelperSpec::new(
            "wide_box",
            a,
            HelperSig::new(&[Type::Int, Type::Int], Type::Obj).with_ctx(),
        ),
    ]
}

const KERNELS: &[&str] = &[
    SUM_SQUARES,
    "snap #0 pc=0 {}
     %i = sload.int 0 #0
     %x = sload.float 1 #0
     %o = sload.obj 2 #0
     %b = sload.bool 3 #0
     guard_true %b #0
     %sh = load.ptr %o, 8
     guard_eq %sh, ptr@0x40 #0
     %f = load.float %o, 16
     %y = callp.float @sin(%x)
     %z = fmul %y, %f
     %q = ffloordiv %z, 3.0 #0
     %m = fmod %z, 3.0 #0
     %k = callg.int @checked(%i) #0
     call.void @count(%k)
     %d = floordiv %i, 7 #0
     %r = mod %i, -7 #0
     %s = shl %r, 3 #0
     %t = shr %d, %i #0
     %fi = f2i %q #0
     %w = add_ov %s, %t #0
     %nb = not %b
     store %o, 24, %m
     %i2 = add_ov %i, 1 #0
     snap #1 pc=0 {0: %i2, 1: %m, 4: %w, 5: %fi, 6: %nb, 7: obj@0x99, 8: none}
     jump #1",
    // Wide (128-bit) ints: in registers, across the back edge, in exits and boxed.
    "snap #0 pc=0 {}
     %i = sload.int 0 #0
     %o = sload.obj 1 #0
     %w = wunbox %o #0
     %x = i2w %i
     %p = wmul %i, %i
     %s = wadd_ov %w, %x #0
     snap #1 pc=0 {1: %s}
     %d = wsub_ov %s, %p #1
     %b = wbox %d #1
     %i2 = add_ov %i, 1 #1
     snap #2 pc=0 {0: %i2, 1: %d, 2: %b}
     jump #2",
];

#[test]
fn aarch64_codegen_compiles_and_verifies() {
    let cfg = BackendConfig {
        verify_clif: true,
        ..BackendConfig::default()
    };
    for text in KERNELS {
        for peel in [true, false] {
            let mut t = parse(text);
            optimize(
                &mut t,
                &OptConfig {
                    verify: true,
                    peel,
                    ..OptConfig::default()
                },
            )
            .unwrap();
            let size = cross_compile(&t, "aarch64-unknown-linux-gnu", &fake_helpers(), &cfg)
                .unwrap_or_else(|e| panic!("{e}\n{}", pvm_jit::print_trace(&t)));
            assert!(size > 0);
            // The host path compiles the same traces too.
            let host = cross_compile(
                &t,
                &target_lexicon::Triple::host().to_string(),
                &fake_helpers(),
                &cfg,
            )
            .unwrap();
            assert!(host > 0);
        }
    }
}

/// A recorded loop of about `n_ops` instructions with `n_guards` guards, in the shape the recorder will
/// produce: slot loads up front, arithmetic, guards with growing snapshots, a `jump` back.
fn big_trace(n_ops: usize, n_guards: usize) -> Trace {
    let mut e = Emitter::default();
    let s0 = e.snapshot(0, &[], &[]);
    let n_slots = 24u32;
    let mut ints: Vec<_> = (0..n_slots / 2)
        .map(|k| e.sload(Type::Int, k, s0))
        .collect();
    let mut floats: Vec<_> = (n_slots / 2..n_slots)
        .map(|k| e.sload(Type::Float, k, s0))
        .collect();
    let mut seed = 0x2545f4914f6cdd1du64;
    let mut rnd = |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    let every = n_ops / n_guards;
    let mut snap = s0;
    let mut count = e.trace.insts.len();
    while count < n_ops {
        if count % every == 0 {
            let entries: Vec<(u32, _)> = (0..rnd(12) + 4)
                .map(|k| {
                    if k % 2 == 0 {
                        (k as u32, ints[rnd(ints.len())])
                    } else {
                        (n_slots / 2 + k as u32, floats[rnd(floats.len())])
                    }
                })
                .collect();
            snap = e.snapshot(count as u32, &[], &entries);
            let a = ints[rnd(ints.len())];
            let k = e.kint(1 << 40);
            let c = e.ins(Op::Lt, &[a, k], SnapId::NONE);
            e.ins(Op::GuardTrue, &[c], snap);
        } else if rnd(2) == 0 {
            let (a, b) = (ints[rnd(ints.len())], ints[rnd(ints.len())]);
            let op = [Op::Add, Op::Sub, Op::BXor, Op::AddOv][rnd(4)];
            let v = e.ins(op, &[a, b], snap);
            let slot = rnd(ints.len());
            ints[slot] = v;
        } else {
            let (a, b) = (floats[rnd(floats.len())], floats[rnd(floats.len())]);
            let op = [Op::FAdd, Op::FMul, Op::FSub][rnd(3)];
            let v = e.ins(op, &[a, b], SnapId::NONE);
            let slot = rnd(floats.len());
            floats[slot] = v;
        }
        count = e.trace.insts.len();
    }
    let mut back: Vec<(u32, _)> = ints
        .iter()
        .enumerate()
        .map(|(k, &v)| (k as u32, v))
        .collect();
    back.extend(
        floats
            .iter()
            .enumerate()
            .map(|(k, &v)| (n_slots / 2 + k as u32, v)),
    );
    let sb = e.snapshot(9999, &[], &back);
    e.jump(sb);
    e.finish()
}

#[test]
fn compile_time_5000_ops_500_guards() {
    let recorded = big_trace(5000, 500);
    assert!(recorded.insts.len() >= 5000);
    assert!(
        recorded.exit_count() >= 500,
        "{} exits",
        recorded.exit_count()
    );
    let mut be = Backend::with_config(&fake_helpers(), BackendConfig::default()).unwrap();

    // Backend alone on the unpeeled trace (5,000 ops, 500+ exits).
    let mut unpeeled = recorded.clone();
    optimize(
        &mut unpeeled,
        &OptConfig {
            peel: false,
            verify: false,
            ..OptConfig::default()
        },
    )
    .unwrap();
    let t0 = Instant::now();
    let ct = be.compile(&unpeeled).unwrap();
    let backend_unpeeled = t0.elapsed();

    // Full pipeline: optimise (peeling doubles the code) + compile.
    let mut peeled = recorded.clone();
    let t1 = Instant::now();
    optimize(
        &mut peeled,
        &OptConfig {
            verify: false,
            ..OptConfig::default()
        },
    )
    .unwrap();
    let opt_time = t1.elapsed();
    let t2 = Instant::now();
    let ct2 = be.compile(&peeled).unwrap();
    let backend_peeled = t2.elapsed();

    println!(
        "unpeeled: {} insts, {} exits, compile {:?}, {} bytes",
        unpeeled.insts.len(),
        ct.exit_count(),
        backend_unpeeled,
        ct.code_size
    );
    println!(
        "peeled: {} insts, {} exits, optimise {:?}, compile {:?}, {} bytes",
        peeled.insts.len(),
        ct2.exit_count(),
        opt_time,
        backend_peeled,
        ct2.code_size
    );
    // Generous bounds: this guards against superlinear blow-ups (one cold block per guard), not speed;
    // CI machines under load run several times slower than an idle one.
    if !cfg!(debug_assertions) {
        assert!(
            backend_unpeeled < Duration::from_millis(2500),
            "{backend_unpeeled:?}"
        );
        assert!(
            opt_time + backend_peeled < Duration::from_secs(5),
            "{:?}",
            opt_time + backend_peeled
        );
    }
}
