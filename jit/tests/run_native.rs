//! End to end: IR text → optimise → compile for the host → run on a real slot array → check the exit id
//! and every written-back slot.

mod common;
use common::*;
use pvm_jit::abi::{RawValue, TAG_FLOAT, TAG_INT, TAG_OBJ};
use pvm_jit::backend::{Backend, BackendConfig, CompiledTrace, HelperSig, HelperSpec, JitError};
use pvm_jit::ir::{ExitId, Trace, Type};
use pvm_jit::opt::{optimize, OptConfig};
use std::cell::RefCell;
use std::collections::HashMap;

fn test_cfg() -> BackendConfig {
    BackendConfig {
        verify_clif: true,
        keep_clif: true,
        keep_disasm: true,
        ..BackendConfig::default()
    }
}

fn opt(text: &str) -> Trace {
    let mut t = parse(text);
    optimize(
        &mut t,
        &OptConfig {
            verify: true,
            ..OptConfig::default()
        },
    )
    .unwrap();
    t
}

fn compile(be: &mut Backend, t: &Trace) -> CompiledTrace {
    be.compile(t)
        .unwrap_or_else(|e| panic!("{e}\n{}", pvm_jit::print_trace(t)))
}

/// Run and return (local exit, its snapshot's pc).
fn run(ct: &CompiledTrace, t: &Trace, slots: &mut [RawValue]) -> (ExitId, u32) {
    // SAFETY: the slot array covers every slot these test traces touch; helpers ignore ctx.
    let g = unsafe { ct.run(slots.as_mut_ptr(), std::ptr::null_mut()) };
    let e = ct
        .local_exit(g)
        .unwrap_or_else(|| panic!("exit {g} is not ours"));
    let info = ct.exit_info(e).unwrap();
    (e, t.snaps[info.snap.index()].pc)
}

#[test]
fn sum_of_squares_runs_to_the_loop_exit() {
    let t = opt(SUM_SQUARES);
    let mut be = Backend::with_config(&[], test_cfg()).unwrap();
    let ct = compile(&mut be, &t);
    let mut slots = vec![RawValue::int(0), RawValue::int(1000), RawValue::int(0)];
    let (e, pc) = run(&ct, &t, &mut slots);
    assert_eq!(pc, 10, "left by the loop condition");
    assert_eq!(
        slots,
        vec![
            RawValue::int(1000),
            RawValue::int(1000),
            RawValue::int(332_833_500)
        ]
    );
    assert_eq!(ct.exit_counter(e), 1);
    // Entering with the condition already false leaves by the pre-roll's guard with nothing written.
    let mut slots = vec![RawValue::int(5), RawValue::int(5), RawValue::int(7)];
    let (e2, pc) = run(&ct, &t, &mut slots);
    assert_eq!(
        (pc, slots.clone()),
        (
            10,
            vec![RawValue::int(5), RawValue::int(5), RawValue::int(7)]
        )
    );
    assert_ne!(e, e2, "pre-roll and body guards are different exits");
    assert!(ct.code_size > 0 && ct.clif.is_some() && ct.disasm.is_some());
}

#[test]
fn int_overflow_exits_at_the_right_guard_with_pre_overflow_state() {
    let t = opt(SUM_SQUARES);
    let mut be = Backend::with_config(&[], test_cfg()).unwrap();
    let ct = compile(&mut be, &t);
    let start = i64::MAX - 1000;
    // Reference: the iteration whose `s + i*i` overflows.
    let (mut i, mut s) = (0i64, start);
    while s.checked_add(i * i).is_some() {
        s += i * i;
        i += 1;
    }
    let mut slots = vec![
        RawValue::int(0),
        RawValue::int(1_000_000),
        RawValue::int(start),
    ];
    let (_, pc) = run(&ct, &t, &mut slots);
    assert_eq!(pc, 20, "left by the overflow check in the loop body");
    assert_eq!(
        slots,
        vec![RawValue::int(i), RawValue::int(1_000_000), RawValue::int(s)]
    );
}

#[test]
fn float_kernel() {
    // while i < n: x = x * 0.5 + y; y = sqrt(y) ; i += 1   (slots: 0 = i, 1 = n, 2 = x, 3 = y)
    let t = opt("snap #0 pc=0 {}
         %i = sload.int 0 #0
         %n = sload.int 1 #0
         %x = sload.float 2 #0
         %y = sload.float 3 #0
         %c = lt %i, %n
         snap #1 pc=1 {}
         guard_true %c #1
         %h = fmul %x, 0.5
         %x2 = fadd %h, %y
         %y2 = fsqrt %y
         %i2 = add_ov %i, 1 #1
         snap #2 pc=0 {0: %i2, 2: %x2, 3: %y2}
         jump #2");
    let mut be = Backend::with_config(&[], test_cfg()).unwrap();
    let ct = compile(&mut be, &t);
    let (mut x, mut y) = (1.0f64, 1e6f64);
    for _ in 0..37 {
        x = x * 0.5 + y;
        y = y.sqrt();
    }
    let mut slots = vec![
        RawValue::int(0),
        RawValue::int(37),
        RawValue::float(1.0),
        RawValue::float(1e6),
    ];
    let (_, pc) = run(&ct, &t, &mut slots);
    assert_eq!(pc, 1);
    assert_eq!(slots[0], RawValue::int(37));
    assert_eq!(slots[2].tag, TAG_FLOAT);
    assert_eq!(slots[2].as_float().to_bits(), x.to_bits());
    assert_eq!(slots[3].as_float().to_bits(), y.to_bits());
}

#[test]
fn python_division_semantics_and_zero_divisor_exit() {
    // One pass, no loop: compute // % << >> and float // % from slots 0,1 (ints) and 2,3 (floats).
    let text = "
        snap #0 pc=0 {}
        %a = sload.int 0 #0
        %b = sload.int 1 #0
        %x = sload.float 2 #0
        %y = sload.float 3 #0
        snap #1 pc=1 {}
        %q = floordiv %a, %b #1
        %r = mod %a, %b #1
        %s = band %b, 7
        %l = shl %a, %s #1
        %h = shr %a, %s #1
        %fq = ffloordiv %x, %y #1
        %fr = fmod %x, %y #1
        %fi = f2i %x #1
        snap #2 pc=2 {4: %q, 5: %r, 6: %l, 7: %h, 8: %fq, 9: %fr, 10: %fi}
        exit #2";
    let t = opt(text);
    // Slots 4.. were never loaded, so they may hold objects: the exit needs `drop_value`.
    let mut be = Backend::with_config(&helpers(), test_cfg()).unwrap();
    let ct = compile(&mut be, &t);
    use pvm_jit::pyops::*;
    for (a, b, x, y) in [
        (-7i64, 2i64, -7.5f64, 2.0f64),
        (7, -3, 7.5, -2.0),
        (i64::MIN, 3, -1e10, 3.0),
        (100, 5, 0.5, -0.25),
    ] {
        let mut slots = vec![RawValue::NONE; 11];
        slots[..4].copy_from_slice(&[
            RawValue::int(a),
            RawValue::int(b),
            RawValue::float(x),
            RawValue::float(y),
        ]);
        let (_, pc) = run(&ct, &t, &mut slots);
        let s = b & 7;
        match int_shl(a, s) {
            Some(l) => {
                assert_eq!(pc, 2, "a={a} b={b}");
                assert_eq!(slots[4], RawValue::int(int_floordiv(a, b).unwrap()));
                assert_eq!(slots[5], RawValue::int(int_mod(a, b).unwrap()));
                assert_eq!(slots[6], RawValue::int(l));
                assert_eq!(slots[7], RawValue::int(int_shr(a, s).unwrap()));
                assert_eq!(
                    slots[8].as_float().to_bits(),
                    float_floordiv(x, y).unwrap().to_bits()
                );
                assert_eq!(
                    slots[9].as_float().to_bits(),
                    float_mod(x, y).unwrap().to_bits()
                );
                assert_eq!(slots[10], RawValue::int(x as i64));
            }
            None => assert_eq!(pc, 1, "shl overflow exits: a={a} s={s}"),
        }
    }
    for (b, y) in [(0i64, 1.0f64), (1, 0.0)] {
        let mut slots = vec![RawValue::NONE; 11];
        slots[..4].copy_from_slice(&[
            RawValue::int(1),
            RawValue::int(b),
            RawValue::float(1.0),
            RawValue::float(y),
        ]);
        assert_eq!(run(&ct, &t, &mut slots).1, 1, "division by zero exits");
        assert!(
            slots[4..].iter().all(|v| *v == RawValue::NONE),
            "nothing written"
        );
    }
}

#[test]
fn guard_eq_failure_on_object_shape() {
    // for i in range(n): acc += obj.field   with a shape check on obj (slots: 0 = i, 1 = n, 2 = acc, 3 = obj)
    let t = opt("snap #0 pc=0 {}
         %i = sload.int 0 #0
         %n = sload.int 1 #0
         %acc = sload.int 2 #0
         %o = sload.obj 3 #0
         %c = lt %i, %n
         snap #1 pc=1 {}
         guard_true %c #1
         %sh = load.ptr %o, 8
         snap #2 pc=2 {}
         guard_eq %sh, ptr@0x5a5a #2
         %f = load.int %o, 16
         %acc2 = add_ov %acc, %f #2
         %i2 = add_ov %i, 1 #2
         snap #3 pc=0 {0: %i2, 2: %acc2}
         jump #3");
    let mut be = Backend::with_config(&[], test_cfg()).unwrap();
    let ct = compile(&mut be, &t);
    let obj: Box<[u64; 3]> = Box::new([0, 0x5a5a, 11]);
    let objp = &*obj as *const [u64; 3] as u64;
    let mut slots = vec![
        RawValue::int(0),
        RawValue::int(10),
        RawValue::int(0),
        RawValue::obj(objp),
    ];
    assert_eq!(run(&ct, &t, &mut slots).1, 1);
    assert_eq!(
        &slots[..3],
        &[RawValue::int(10), RawValue::int(10), RawValue::int(110)]
    );
    let wrong: Box<[u64; 3]> = Box::new([0, 0x6b6b, 11]);
    let mut slots = vec![
        RawValue::int(0),
        RawValue::int(10),
        RawValue::int(0),
        RawValue::obj(&*wrong as *const _ as u64),
    ];
    assert_eq!(
        run(&ct, &t, &mut slots).1,
        2,
        "shape guard fails in the pre-roll"
    );
    assert_eq!(
        &slots[..3],
        &[RawValue::int(0), RawValue::int(10), RawValue::int(0)]
    );
    // The shape guard is loop-invariant: it must not be in the body.
    let body = &t.insts[t.loop_pos().unwrap()..];
    assert!(
        !body.iter().any(|i| i.op == pvm_jit::Op::GuardEq),
        "{}",
        pvm_jit::print_trace(&t)
    );
}

// ---- helpers with observable effects -------------------------------------------------------------

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Fake refcounts by object address.
    static RC: RefCell<HashMap<u64, i64>> = RefCell::new(HashMap::new());
}

fn log(s: String) {
    LOG.with(|l| l.borrow_mut().push(s));
}

fn take_log() -> Vec<String> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

fn rc_add(ptr: u64, d: i64) {
    RC.with(|rc| {
        let mut rc = rc.borrow_mut();
        let n = rc.entry(ptr).or_insert(0);
        if *n <= 0 {
            log(format!("USE AFTER FREE {ptr:#x}"));
        }
        *n += d;
    })
}

extern "C" fn fake_store_obj(slot: *mut RawValue, ptr: u64) {
    // SAFETY: the trace passes a pointer into the test's slot array.
    let slot = unsafe { &mut *slot };
    rc_add(ptr, 1);
    if slot.tag == TAG_OBJ {
        rc_add(slot.payload, -1);
    }
    *slot = RawValue::obj(ptr);
    log(format!("store_obj {ptr:#x}"));
}

extern "C" fn fake_drop_value(v: *mut RawValue) {
    // SAFETY: the trace passes a pointer into its scratch space holding a moved-out Value.
    let v = unsafe { &mut *v };
    if v.tag == TAG_OBJ {
        rc_add(v.payload, -1);
        log(format!("drop {:#x}", v.payload));
    }
    *v = RawValue::NONE;
}

extern "C" fn fake_count(x: i64) {
    log(format!("count {x}"));
}

extern "C" fn fake_sin(x: f64) -> f64 {
    x.sin()
}

extern "C" fn fake_checked(ctx: *mut u8, x: i64, out: *mut u64) -> u32 {
    assert!(ctx.is_null());
    if x >= 5 {
        return 1;
    }
    // SAFETY: the trace passes its out-slot.
    unsafe { *out = (x * 100) as u64 };
    0
}

fn helpers() -> Vec<HelperSpec> {
    vec![
        HelperSpec::new(
            "store_obj",
            fake_store_obj as *const () as usize,
            HelperSig::new(&[Type::Ptr, Type::Obj], Type::Void),
        ),
        HelperSpec::new(
            "drop_value",
            fake_drop_value as *const () as usize,
            HelperSig::new(&[Type::Ptr], Type::Void),
        ),
        HelperSpec::new(
            "count",
            fake_count as *const () as usize,
            HelperSig::new(&[Type::Int], Type::Void),
        ),
        HelperSpec::new(
            "sin",
            fake_sin as *const () as usize,
            HelperSig::new(&[Type::Float], Type::Float),
        ),
        HelperSpec::new(
            "checked",
            fake_checked as *const () as usize,
            HelperSig::new(&[Type::Int], Type::Int).with_ctx().guarded(),
        ),
    ]
}

#[test]
fn helper_calls_plain_pure_and_guarded() {
    // while True: count(i); y = sin(x); z = checked(i) (exits at i == 5); acc += z; i += 1
    let t = opt("snap #0 pc=0 {}
         %i = sload.int 0 #0
         %x = sload.float 1 #0
         %acc = sload.int 2 #0
         call.void @count(%i)
         %y = callp.float @sin(%x)
         snap #1 pc=1 {3: %y}
         %z = callg.int @checked(%i) #1
         %acc2 = add_ov %acc, %z #1
         %i2 = add_ov %i, 1 #1
         snap #2 pc=0 {0: %i2, 2: %acc2, 3: %y}
         jump #2");
    // sin(x) is invariant: hoisted out of the body.
    let body = &t.insts[t.loop_pos().unwrap()..];
    assert!(
        !body.iter().any(|i| i.op == pvm_jit::Op::CallPure),
        "{}",
        pvm_jit::print_trace(&t)
    );
    let mut be = Backend::with_config(&helpers(), test_cfg()).unwrap();
    let ct = compile(&mut be, &t);
    take_log();
    let mut slots = vec![
        RawValue::int(0),
        RawValue::float(0.5),
        RawValue::int(0),
        RawValue::NONE,
    ];
    assert_eq!(run(&ct, &t, &mut slots).1, 1);
    assert_eq!(
        take_log(),
        (0..=5).map(|i| format!("count {i}")).collect::<Vec<_>>()
    );
    assert_eq!(
        &slots[..3],
        &[RawValue::int(5), RawValue::float(0.5), RawValue::int(1000)]
    );
    assert_eq!(slots[3].as_float(), 0.5f64.sin());
}

#[test]
fn exits_write_objects_through_store_obj_and_release_old_values() {
    // Slot 0 (int, sloaded) := int; slot 1 (obj, sloaded) := other obj; slot 2 (unknown) := int;
    // slot 3 (unknown) := obj; slots 4/5 swap their objects.
    let t = opt("snap #0 pc=0 {}
         %a = sload.int 0 #0
         %o = sload.obj 1 #0
         %p = sload.obj 4 #0
         %q = sload.obj 5 #0
         %a2 = add_ov %a, 1 #0
         snap #1 pc=9 {0: %a2, 1: obj@0x300, 2: 42, 3: %o, 4: %q, 5: %p}
         exit #1");
    let mut be = Backend::with_config(&helpers(), test_cfg()).unwrap();
    let ct = compile(&mut be, &t);
    let counts = |v: &[(u64, i64)]| v.iter().copied().collect::<HashMap<u64, i64>>();
    RC.with(|rc| {
        *rc.borrow_mut() = counts(&[(0x100, 1), (0x200, 1), (0x300, 100), (0x400, 1), (0x500, 1)])
    });
    take_log();
    let mut slots = vec![
        RawValue::int(1),
        RawValue::obj(0x100),
        RawValue::obj(0x200),
        RawValue::int(3),
        RawValue::obj(0x400),
        RawValue::obj(0x500),
    ];
    assert_eq!(run(&ct, &t, &mut slots).1, 9);
    assert_eq!(
        slots,
        vec![
            RawValue::int(2),
            RawValue::obj(0x300),
            RawValue::int(42),
            RawValue::obj(0x100),
            RawValue::obj(0x500),
            RawValue::obj(0x400),
        ]
    );
    let log = take_log();
    assert!(!log.iter().any(|l| l.contains("USE AFTER FREE")), "{log:?}");
    // 0x100 moved from slot 1 to slot 3 (net 0), 0x200 released, 0x300 gained one, swap net 0.
    RC.with(|rc| {
        assert_eq!(
            *rc.borrow(),
            counts(&[(0x100, 1), (0x200, 0), (0x300, 101), (0x400, 1), (0x500, 1)])
        )
    });
}

#[test]
fn linked_list_walk_carries_an_object_and_writes_it_back() {
    // n = head; c = 0; while n.next is not None: n = n.next; c += 1   (slots: 0 = n, 1 = c)
    let t = opt("snap #0 pc=0 {}
         %n = sload.obj 0 #0
         %c = sload.int 1 #0
         %nx = load.obj %n, 8
         %z = eq %nx, obj@0x0
         snap #1 pc=5 {}
         guard_false %z #1
         %c2 = add_ov %c, 1 #1
         snap #2 pc=0 {0: %nx, 1: %c2}
         jump #2");
    assert!(t.loop_pos().is_some());
    // Nodes: [value, next].
    let mut nodes: Vec<Box<[u64; 2]>> = (0..5).map(|k| Box::new([k, 0])).collect();
    for k in (0..4).rev() {
        let next = &*nodes[k + 1] as *const [u64; 2] as u64;
        nodes[k][1] = next;
    }
    let addr = |k: usize| &*nodes[k] as *const [u64; 2] as u64;
    let mut be = Backend::with_config(&helpers(), test_cfg()).unwrap();
    let ct = compile(&mut be, &t);
    RC.with(|rc| *rc.borrow_mut() = (0..5).map(|k| (addr(k), 1)).collect());
    take_log();
    let mut slots = vec![RawValue::obj(addr(0)), RawValue::int(0)];
    assert_eq!(run(&ct, &t, &mut slots).1, 5);
    assert_eq!(slots, vec![RawValue::obj(addr(4)), RawValue::int(4)]);
    let log = take_log();
    assert_eq!(
        log,
        vec![
            format!("store_obj {:#x}", addr(4)),
            format!("drop {:#x}", addr(0))
        ]
    );
    RC.with(|rc| {
        let rc = rc.borrow();
        assert_eq!(
            (rc[&addr(0)], rc[&addr(4)]),
            (0, 2),
            "head released, tail gained the slot's reference"
        );
    });
}

#[test]
fn value_array_walk_with_guard_tag_and_raw_stores() {
    // Sum a generic list (an array of Values) into an i64 scratch array until an element is not an int.
    // slots: 0 = i, 1 = items (ptr to Values, as obj), 2 = out (ptr to i64s, as obj), 3 = acc
    let t = opt("snap #0 pc=0 {}
         %i = sload.int 0 #0
         %items = sload.obj 1 #0
         %out = sload.obj 2 #0
         %acc = sload.int 3 #0
         %off = mul %i, 16
         %p = padd %items, %off
         snap #1 pc=3 {}
         guard_tag %p, 0, int #1
         %v = load.int %p, 8
         %acc2 = add_ov %acc, %v #1
         %o8 = mul %i, 8
         %q = padd %out, %o8
         store %q, 0, %acc2
         %i2 = add_ov %i, 1 #1
         snap #2 pc=0 {0: %i2, 3: %acc2}
         jump #2");
    let mut be = Backend::with_config(&helpers(), test_cfg()).unwrap();
    let ct = compile(&mut be, &t);
    let mut items = vec![
        RawValue::int(5),
        RawValue::int(-2),
        RawValue::int(10),
        RawValue::float(1.0),
        RawValue::int(7),
    ];
    let mut out = vec![0i64; 5];
    let mut slots = vec![
        RawValue::int(0),
        RawValue::obj(items.as_mut_ptr() as u64),
        RawValue::obj(out.as_mut_ptr() as u64),
        RawValue::int(100),
    ];
    assert_eq!(run(&ct, &t, &mut slots).1, 3, "left at the float element");
    assert_eq!((slots[0], slots[3]), (RawValue::int(3), RawValue::int(113)));
    assert_eq!(out, vec![105, 103, 113, 0, 0]);
}

#[test]
fn unpeeled_type_unstable_loop_writes_back_at_the_jump() {
    // x = x * 0.5 with x an int at entry: the recorded iteration converts; the next iteration's int
    // guard fails, leaving x as a float in its slot.
    let t = opt("snap #0 pc=0 {}
         %x = sload.int 0 #0
         %f = i2f %x
         %y = fmul %f, 0.5
         snap #1 pc=0 {0: %y}
         jump #1");
    assert!(t.loop_pos().is_none());
    let mut be = Backend::with_config(&helpers(), test_cfg()).unwrap();
    let ct = compile(&mut be, &t);
    let mut slots = vec![RawValue::int(9)];
    assert_eq!(run(&ct, &t, &mut slots).1, 0);
    assert_eq!(slots, vec![RawValue::float(4.5)]);
}

#[test]
fn side_trace_linking_and_exit_counters() {
    // Root: loop while i < n. Side trace (for the root's loop exit): writes i * 2 into slot 2, exits.
    let root = opt(SUM_SQUARES);
    let side = opt("snap #0 pc=0 {}
         %i = sload.int 0 #0
         %d = add_ov %i, %i #0
         snap #1 pc=77 {3: %d}
         exit #1");
    let mut be = Backend::with_config(&helpers(), test_cfg()).unwrap();
    let r = compile(&mut be, &root);
    let s = compile(&mut be, &side);
    assert!(
        s.exit_base() >= r.exit_base() + r.exit_count() as u32,
        "disjoint global exit ids"
    );
    let mut slots = vec![
        RawValue::int(0),
        RawValue::int(10),
        RawValue::int(0),
        RawValue::NONE,
    ];
    let (loop_exit, _) = run(&r, &root, &mut slots);
    assert_eq!(r.exit_counter(loop_exit), 1);
    // SAFETY: `s` outlives the link (it is dropped after `r` at the end of the test; we also unlink).
    unsafe { r.link(loop_exit, &s) };
    let mut slots = vec![
        RawValue::int(0),
        RawValue::int(10),
        RawValue::int(0),
        RawValue::NONE,
    ];
    // SAFETY: as in `run`.
    let g = unsafe { r.run(slots.as_mut_ptr(), std::ptr::null_mut()) };
    assert_eq!(
        r.local_exit(g),
        None,
        "the exit id comes from the side trace"
    );
    let se = s.local_exit(g).unwrap();
    assert_eq!(side.snaps[s.exit_info(se).unwrap().snap.index()].pc, 77);
    assert_eq!(
        slots,
        vec![
            RawValue::int(10),
            RawValue::int(10),
            RawValue::int(285),
            RawValue::int(20)
        ]
    );
    assert_eq!(r.exit_counter(loop_exit), 2);
    assert_eq!(s.exit_counter(se), 1);
    r.unlink(loop_exit);
}

#[test]
fn compile_errors_are_results() {
    let mut be = Backend::with_config(&[], test_cfg()).unwrap();
    let t = parse("snap #0 pc=0 {}\n%x = sload.float 0 #0\n%y = call.float @nope(%x)\nexit #0");
    assert!(matches!(be.compile(&t), Err(JitError::UnknownHelper(n)) if n == "nope"));
    let mut be = Backend::with_config(&helpers(), test_cfg()).unwrap();
    let t = parse("snap #0 pc=0 {}\n%x = sload.int 0 #0\n%y = call.float @sin(%x)\nexit #0");
    assert!(matches!(
        be.compile(&t),
        Err(JitError::HelperSignature { .. })
    ));
    let t = parse("snap #0 pc=0 {}\n%x = sload.int 0 #0\n%y = call.int @checked(%x)\nexit #0");
    assert!(
        matches!(be.compile(&t), Err(JitError::HelperSignature { .. })),
        "guarded helper needs callg"
    );
    // An object write-back without `store_obj` registered.
    let mut be = Backend::with_config(&[], test_cfg()).unwrap();
    let t = parse("snap #0 pc=0 {1: obj@0x10}\nexit #0");
    assert!(matches!(be.compile(&t), Err(JitError::UnknownHelper(_))));
    // Garbage that fails the verifier.
    let mut bad = parse("snap #0 pc=0 {}\n%x = sload.int 0 #0\nexit #0");
    bad.insts[0].f[0] = u32::MAX;
    bad.insts.swap(0, 1);
    assert!(matches!(be.compile(&bad), Err(JitError::Verify(_))));
    // A wrong exit-helper signature is rejected up front.
    let h = HelperSpec::new(
        "store_obj",
        fake_count as *const () as usize,
        HelperSig::new(&[Type::Int], Type::Void),
    );
    assert!(Backend::new(&[h]).is_err());
    let _ = TAG_INT;
}

#[test]
#[ignore]
fn dump_sum_of_squares() {
    let t = opt(&std::env::var("PVM_DUMP_IR").unwrap_or(SUM_SQUARES.to_string()));
    let mut be = Backend::with_config(&[], test_cfg()).unwrap();
    let ct = compile(&mut be, &t);
    println!(
        "{}\n{}",
        pvm_jit::print_trace(&t),
        ct.disasm.as_deref().unwrap_or("")
    );
}
