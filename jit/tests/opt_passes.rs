//! Per-pass optimiser tests: IR text in, IR text out.

mod common;
use common::*;
use pvm_jit::ir::{print_trace, verify, Op, SnapId, Trace, Type};
use pvm_jit::opt::{bounds, dce, fold_cse, guards, optimize, peel, Emitter, NoPeel, OptConfig};

fn run(pass: fn(&Trace) -> Trace, text: &str) -> Trace {
    let t = pass(&parse(text));
    verify(&t).unwrap_or_else(|e| panic!("{e}\n{}", print_trace(&t)));
    t
}

#[test]
fn fold_constants_and_identities() {
    let t = run(
        fold_cse,
        "snap #0 pc=0 {}
         %x = sload.int 0 #0
         %f = sload.float 1 #0
         %a = add_ov 2, 3 #0
         %b = mul_ov %x, %a #0
         %c = add %b, 0
         %d = mul 1, %c
         %e = sub %d, %d
         %g = fadd %f, 0.0
         %h = fmul %f, 1.0
         %i = bxor %x, %x
         %j = floordiv -7, 2 #0
         %k = mod -7, 2 #0
         %l = add_ov 9223372036854775807, 1 #0
         %n = lt %x, 5
         %m = not %n
         %o = fdiv 1.0, 0.0 #0
         snap #1 pc=1 {2: %a, 3: %b, 4: %c, 5: %d, 6: %e, 7: %g, 8: %h, 9: %i, 10: %j, 11: %k, 12: %l, 13: %m, 14: %o}
         exit #1",
    );
    // Folded: constants computed, identities gone; `x + 0.0` stays (-0.0), the overflowing add and the
    // division by zero stay (they always exit), `not (lt x 5)` became `ge x 5`.
    assert_ir(
        &t,
        "snap #0 pc=0 frames=[] {}
         %0 = sload.int 0 #0
         %1 = sload.float 1 #0
         %2 = mul_ov %0, 5 #0
         %3 = fadd %1, 0.0
         %4 = add_ov 9223372036854775807, 1 #0
         %5 = lt %0, 5       ; dead now, DCE's job
         %6 = ge %0, 5
         %7 = fdiv 1.0, 0.0 #0
         snap #1 pc=1 frames=[] {2: 5, 3: %2, 4: %2, 5: %2, 6: 0, 7: %3, 8: %1, 9: 0, 10: -4, 11: 1, 12: %4, 13: %6, 14: %7}
         exit #1",
    );
}

#[test]
fn cse_merges_pure_ops_and_duplicate_guards_but_not_loads_across_stores() {
    let t = run(
        fold_cse,
        "snap #0 pc=0 {}
         %p = sload.obj 0 #0
         %x = sload.int 1 #0
         %a = add_ov %x, 7 #0
         %b = add_ov 7, %x #0
         %c = lt %a, %b
         guard_false %c #0
         guard_false %c #0
         %s1 = load.obj %p, 8
         guard_eq %s1, obj@0x100 #0
         %s2 = load.obj %p, 8
         guard_eq %s2, obj@0x100 #0
         store %p, 16, %a
         %s3 = load.obj %p, 8
         guard_eq %s3, obj@0x100 #0
         exit #0",
    );
    assert_ir(
        &t,
        "snap #0 pc=0 frames=[] {}
         %0 = sload.obj 0 #0
         %1 = sload.int 1 #0
         %2 = add_ov %1, 7 #0
         %3 = load.obj %0, 8
         guard_eq %3, obj@0x100 #0
         store %0, 16, %2
         %6 = load.obj %0, 8
         guard_eq %6, obj@0x100 #0
         exit #0",
    );
}

#[test]
fn emitter_folds_while_recording() {
    let mut e = Emitter::default();
    let s0 = e.snapshot(0, &[], &[]);
    let x = e.sload(Type::Int, 0, s0);
    let k3 = e.kint(3);
    let k4 = e.kint(4);
    let seven = e.ins(Op::AddOv, &[k3, k4], s0);
    assert_eq!(e.trace.int_of(seven), Some(7));
    let a = e.ins(Op::AddOv, &[x, seven], s0);
    let b = e.ins(Op::AddOv, &[seven, x], s0);
    assert_eq!(a, b, "commutative CSE");
    let c = e.ins(Op::Lt, &[a, x], SnapId::NONE);
    let n = e.ins(Op::Not, &[c], SnapId::NONE);
    let s1 = e.snapshot(5, &[], &[(0, a)]);
    assert_eq!(
        e.snapshot(5, &[], &[(0, a)]),
        s1,
        "identical consecutive snapshots are shared"
    );
    e.ins(Op::GuardTrue, &[n], s1);
    let kt = e.trace.konst(pvm_jit::Const::Bool(true));
    assert_eq!(
        e.ins(Op::GuardTrue, &[kt], s1),
        pvm_jit::IrRef::NONE,
        "a constant-true guard vanishes"
    );
    e.exit(s1);
    let t = e.finish();
    verify(&t).unwrap();
    assert_ir(
        &t,
        "snap #0 pc=0 frames=[] {}
         %0 = sload.int 0 #0
         %1 = add_ov %0, 7 #0
         %2 = lt %1, %0
         %3 = ge %1, %0
         snap #1 pc=5 frames=[] {0: %1}
         guard_true %3 #1
         exit #1",
    );
}

#[test]
fn guards_implied_and_overflow_checks_removed() {
    let t = run(
        guards::run,
        "snap #0 pc=0 {}
         %i = sload.int 0 #0
         %n = sload.int 1 #0
         %k = sload.obj 2 #0
         %c = lt %i, %n
         guard_true %c #0
         %c2 = le %i, %n
         guard_true %c2 #0
         %c3 = ge %i, %n
         guard_false %c3 #0
         %j = add_ov %i, 1 #0
         %m = band %n, 255
         %q = add_ov %m, 1000 #0
         %r = mul_ov %i, %i #0
         guard_eq %k, obj@0x40 #0
         %v = load.int %k, 8
         guard_ne %k, obj@0x50 #0
         guard_eq %k, obj@0x40 #0
         %lim = lt %m, 256
         guard_true %lim #0
         snap #1 pc=1 {0: %j, 3: %q, 4: %r, 5: %v}
         exit #1",
    );
    assert_ir(
        &t,
        "snap #0 pc=0 frames=[] {}
         %0 = sload.int 0 #0
         %1 = sload.int 1 #0
         %2 = sload.obj 2 #0
         %3 = lt %0, %1
         guard_true %3 #0
         %5 = add %0, 1
         %6 = band %1, 255
         %7 = add %6, 1000
         %8 = mul_ov %0, %0 #0
         guard_eq %2, obj@0x40 #0
         %10 = load.int obj@0x40, 8
         snap #1 pc=1 frames=[] {0: %5, 3: %7, 4: %8, 5: %10}
         exit #1",
    );
}

#[test]
fn dce_keeps_snapshot_uses_and_drops_dead_values() {
    let t = run(
        dce::run,
        "snap #0 pc=0 {}
         %x = sload.int 0 #0
         %y = sload.float 1 #0
         %dead = fmul %y, %y
         %dead2 = i2f %x
         %kept = fadd %y, 1.0
         %p = sload.obj 2 #0
         %unused_load = load.int %p, 8
         snap #1 pc=1 {1: %kept}
         guard_true true #1
         exit #1",
    );
    assert_ir(
        &t,
        "snap #0 pc=0 frames=[] {}
         %0 = sload.int 0 #0
         %1 = sload.float 1 #0
         %2 = fadd %1, 1.0
         %3 = sload.obj 2 #0
         snap #1 pc=1 frames=[] {1: %2}
         exit #1",
    );
}

#[test]
fn peel_sum_of_squares() {
    let t = run(|t| peel::run(t).expect("peels"), SUM_SQUARES);
    // Pre-roll = the recorded iteration; body = the copy with i, s carried by phis, n invariant (the
    // sload of n CSEs to the pre-roll one), and body exits writing back i and s.
    assert_ir(
        &t,
        "snap #0 pc=0 frames=[] {}
         %0 = sload.int 0 #0
         %1 = sload.int 1 #0
         %2 = sload.int 2 #0
         %3 = lt %0, %1
         snap #1 pc=10 frames=[] {}
         guard_true %3 #1
         snap #2 pc=20 frames=[] {}
         %5 = mul_ov %0, %0 #2
         %6 = add_ov %2, %5 #2
         %7 = add_ov %0, 1 #2
         loop
         %9 = phi %7, %15
         %10 = phi %6, %14
         %11 = lt %9, %1
         snap #3 pc=10 frames=[] {0: %9, 2: %10}
         guard_true %11 #3
         snap #4 pc=20 frames=[] {0: %9, 2: %10}
         %13 = mul_ov %9, %9 #4
         %14 = add_ov %10, %13 #4
         %15 = add_ov %9, 1 #4",
    );
}

#[test]
fn full_pipeline_sum_of_squares() {
    let mut t = parse(SUM_SQUARES);
    let cfg = OptConfig {
        verify: true,
        ..OptConfig::default()
    };
    let report = optimize(&mut t, &cfg).unwrap();
    assert_eq!(report.no_peel, None);
    // i + 1 lost its overflow guard in both copies (i < n proves it); the loop is 5 instructions.
    assert_ir(
        &t,
        "snap #0 pc=0 frames=[] {}
         %0 = sload.int 0 #0
         %1 = sload.int 1 #0
         %2 = sload.int 2 #0
         %3 = lt %0, %1
         snap #1 pc=10 frames=[] {}
         guard_true %3 #1
         snap #2 pc=20 frames=[] {}
         %5 = mul_ov %0, %0 #2
         %6 = add_ov %2, %5 #2
         %7 = add %0, 1
         loop
         %9 = phi %7, %15
         %10 = phi %6, %14
         %11 = lt %9, %1
         snap #3 pc=10 frames=[] {0: %9, 2: %10}
         guard_true %11 #3
         snap #4 pc=20 frames=[] {0: %9, 2: %10}
         %13 = mul_ov %9, %9 #4
         %14 = add_ov %10, %13 #4
         %15 = add %9, 1",
    );
}

#[test]
fn peel_hoists_invariant_guards_loads_and_math() {
    // for ...: x = obj.field * k + i   (obj, k invariant; the shape guard and load hoist)
    let mut t = parse(
        "snap #0 pc=0 {}
         %i = sload.int 0 #0
         %o = sload.obj 1 #0
         %k = sload.float 2 #0
         %shape = load.ptr %o, 8
         guard_eq %shape, ptr@0x1234 #0
         %fld = load.float %o, 16
         %m = fmul %fld, %k
         %fi = i2f %i
         %x = fadd %m, %fi
         %c = lt %i, 1000
         snap #1 pc=5 {3: %x}
         guard_true %c #1
         %i2 = add_ov %i, 1 #1
         snap #2 pc=0 {0: %i2, 3: %x}
         jump #2",
    );
    optimize(
        &mut t,
        &OptConfig {
            verify: true,
            ..OptConfig::default()
        },
    )
    .unwrap();
    let body: Vec<Op> = t.insts[t.loop_pos().unwrap()..]
        .iter()
        .map(|i| i.op)
        .collect();
    assert_eq!(
        body,
        vec![
            Op::Loop,
            Op::Phi,
            Op::IToF,
            Op::FAdd,
            Op::Lt,
            Op::GuardTrue,
            Op::Add
        ],
        "{}",
        print_trace(&t)
    );
}

#[test]
fn peel_keeps_loads_in_the_body_when_it_stores() {
    let mut t = parse(
        "snap #0 pc=0 {}
         %i = sload.int 0 #0
         %o = sload.obj 1 #0
         %v = load.int %o, 16
         %v2 = add_ov %v, %i #0
         store %o, 16, %v2
         %i2 = add_ov %i, 1 #0
         snap #1 pc=0 {0: %i2}
         jump #1",
    );
    optimize(
        &mut t,
        &OptConfig {
            verify: true,
            ..OptConfig::default()
        },
    )
    .unwrap();
    let body: Vec<Op> = t.insts[t.loop_pos().unwrap()..]
        .iter()
        .map(|i| i.op)
        .collect();
    assert_eq!(
        body,
        vec![Op::Loop, Op::Phi, Op::Load, Op::AddOv, Op::Store, Op::AddOv],
        "{}",
        print_trace(&t)
    );
}

#[test]
fn peel_refuses_type_unstable_loops() {
    let t = parse(
        "snap #0 pc=0 {}
         %x = sload.int 0 #0
         %f = i2f %x
         %y = fmul %f, 0.5
         snap #1 pc=0 {0: %y}
         jump #1",
    );
    assert_eq!(peel::run(&t).unwrap_err(), NoPeel::TypeUnstable { slot: 0 });
    let mut t2 = t.clone();
    let r = optimize(
        &mut t2,
        &OptConfig {
            verify: true,
            ..OptConfig::default()
        },
    )
    .unwrap();
    assert_eq!(r.no_peel, Some(NoPeel::TypeUnstable { slot: 0 }));
}

#[test]
fn phis_that_are_not_loop_carried_disappear() {
    // `y = n` every iteration: y's phi has the invariant n on both edges.
    let mut t = parse(
        "snap #0 pc=0 {}
         %i = sload.int 0 #0
         %n = sload.int 1 #0
         %c = lt %i, %n
         guard_true %c #0
         %i2 = add_ov %i, 1 #0
         %n2 = add_ov %n, 0 #0
         snap #1 pc=0 {0: %i2, 2: %n2}
         jump #1",
    );
    optimize(
        &mut t,
        &OptConfig {
            verify: true,
            ..OptConfig::default()
        },
    )
    .unwrap();
    let phis = t.insts.iter().filter(|i| i.op == Op::Phi).count();
    assert_eq!(phis, 1, "{}", print_trace(&t));
}

#[test]
fn bounds_checks_on_one_length_merge_into_the_first_guard() {
    // p[0], p[2], p[1] of one list: the first check becomes the strongest (`2 < len`) and the others
    // go; a length loaded again after a store is another value and keeps its own check.
    let t = run(
        bounds::run,
        "snap #0 pc=0 {}
         %p = sload.obj 0 #0
         %n = load.int %p, 48
         %a = lt 0, %n
         guard_true %a #0
         snap #1 pc=1 {}
         %b = lt 2, %n
         guard_true %b #1
         snap #2 pc=2 {}
         %c = lt 1, %n
         guard_true %c #2
         store %p, 8, 5
         %m = load.int %p, 48
         %d = lt 1, %m
         guard_true %d #2
         snap #3 pc=3 {}
         exit #3",
    );
    assert_ir(
        &t,
        "snap #0 pc=0 frames=[] {}
         %0 = sload.obj 0 #0
         %1 = load.int %0, 48
         %2 = lt 0, %1
         %3 = lt 2, %1
         guard_true %3 #0
         %5 = lt 1, %1
         store %0, 8, 5
         %7 = load.int %0, 48
         %8 = lt 1, %7
         snap #1 pc=2 frames=[] {}
         guard_true %8 #1
         snap #2 pc=3 frames=[] {}
         exit #2",
    );
}

#[test]
fn sink_removes_an_allocation_only_stored_into_and_named_by_exits() {
    // `%a` is only written (tag + payload of members 0 and 1) and named by the guard's snapshot: it
    // becomes `snew` + `sstore`s (no code; the exit materialises it with member 0 only, the store to
    // member 1 comes after). `%b` is passed to a helper: it escapes and stays. `%c` is named by no
    // exit: it goes with its stores.
    let t = parse(
        "snap #0 pc=0 {}
         %x = sload.float 0 #0
         %a = callg.obj @new_instance_nodel(obj@0x1000, 77) #0
         %d = load.ptr %a, 64
         store %d, 0, 3
         store %d, 8, %x
         %y = fadd %x, 1.0
         snap #1 pc=1 {1: %a, 2: %a}
         %g = flt %y, 2.0
         guard_true %g #1
         %e = padd %d, 16
         store %e, 0, 2
         store %e, 8, 5
         %b = callg.obj @new_instance_nodel(obj@0x1000, 77) #1
         callg.void @keep(%b) #1
         %c = callg.obj @new_instance_nodel(obj@0x1000, 77) #1
         %f = load.ptr %c, 64
         store %f, 0, 3
         store %f, 8, %y
         snap #2 pc=2 {1: %y}
         exit #2",
    );
    let lay = pvm_jit::opt::sink::SinkLayout {
        inst_slots: 64,
        inst_cls: 40,
        inst_shape: 80,
        kind_off: 16,
        inst_tag: 17,
    };
    let t = pvm_jit::opt::sink::run(&t, &lay).expect("something to sink");
    verify(&t).unwrap_or_else(|e| panic!("{e}\n{}", print_trace(&t)));
    let t = dce::run(&t);
    assert_ir(
        &t,
        "snap #0 pc=0 frames=[] {}
         %0 = sload.float 0 #0
         %1 = snew obj@0x1000
         sstore %1, 0, 3
         sstore %1, 8, %0
         %4 = fadd %0, 1.0
         %5 = flt %4, 2.0
         snap #1 pc=1 frames=[] {1: %1, 2: %1}
         guard_true %5 #1
         sstore %1, 16, 2
         sstore %1, 24, 5
         %9 = callg.obj @new_instance_nodel(obj@0x1000, 77) #1
         callg.void @keep(%9) #1
         snap #2 pc=2 frames=[] {1: %4}
         exit #2",
    );
}
