//! IR text: printing, parsing back, and the verifier's complaints.

mod common;
use common::*;
use pvm_jit::ir::{parse_trace, print_trace, verify, Op};

#[test]
fn round_trip_sum_of_squares() {
    let t = parse(SUM_SQUARES);
    let text = print_trace(&t);
    let t2 = parse(&text);
    assert_eq!(
        print_trace(&t2),
        text,
        "print(parse(print(t))) must be stable"
    );
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
         snap #3 pc=0 frames=[] {0: %7, 2: %6}
         jump #3",
    );
}

#[test]
fn round_trip_every_operand_kind() {
    let text = "
        snap #0 pc=7 frames=[1, 2, 3] {3: none, 4: true, 5: -2.5, 6: obj@0x1000, 7: nan@0x7ff8000000000001}
        %0 = sload.obj 0 #0
        %1 = load.ptr %0, 24
        %2 = load.float %1, -8
        %3 = padd %1, 16
        store %3, 0, %2
        guard_tag %0, 16, int #0
        %6 = call.int @helper(%2, 1, 2.0)
        %7 = callp.float @sin(%2)
        %8 = callg.obj @getattr(%0, obj@0xdead) #0
        call.void @noargs()
        guard_eq %8, obj@0xbeef #0
        %11 = fadd %7, 1e300
        %12 = fmul %11, inf
        %13 = fsub %12, -inf
        %14 = fadd %13, -0.0
        %15 = sload_u.bool 9
        guard_false %15 #0
        exit #0
    ";
    let t = parse(text);
    let once = print_trace(&t);
    assert_eq!(norm(&once), norm(text));
    assert_eq!(print_trace(&parse(&once)), once);
}

#[test]
fn round_trip_peeled_loop_with_forward_phi() {
    let text = "
        snap #0 pc=0 frames=[] {}
        %0 = sload.int 0 #0
        %1 = sload.int 1 #0
        loop
        %3 = phi %0, %7
        %4 = phi %1, %3
        %5 = lt %3, 100
        snap #1 pc=3 frames=[] {0: %3, 1: %4}
        guard_true %5 #1
        %7 = add %3, %4
    ";
    let t = parse(text);
    assert_eq!(norm(&print_trace(&t)), norm(text));
}

#[test]
fn every_op_has_a_unique_name_and_docs() {
    for (i, a) in Op::ALL.iter().enumerate() {
        assert_eq!(Op::from_name(a.name()), Some(*a));
        assert!(!a.doc().is_empty(), "{a:?} has no doc");
        for b in &Op::ALL[i + 1..] {
            assert_ne!(a.name(), b.name());
        }
    }
}

#[test]
fn parse_errors_name_the_line() {
    let e = parse_trace("%0 = sload.int 0\n%1 = add %0, %9\n").unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.msg.contains("%9"), "{e}");
    assert!(parse_trace("%0 = frobnicate 1")
        .unwrap_err()
        .msg
        .contains("unknown op"));
    assert!(parse_trace("%0 = sload 0")
        .unwrap_err()
        .msg
        .contains("result type"));
    assert!(parse_trace("guard_true true #nope")
        .unwrap_err()
        .msg
        .contains("undefined snapshot"));
}

#[test]
fn verifier_rejects_bad_traces() {
    let bad = |text: &str, what: &str| {
        let t = parse_trace(text).unwrap_or_else(|e| panic!("{e}"));
        let e = verify(&t).expect_err(text);
        assert!(e.to_string().contains(what), "expected `{what}` in: {e}");
    };
    bad(
        "snap #0 pc=0 {}\n%0 = sload.float 0 #0\n%1 = add %0, 1\nexit #0",
        "type float",
    );
    bad(
        "snap #0 pc=0 {}\n%0 = sload.int 0\nexit #0",
        "missing or invalid snapshot",
    );
    bad(
        "snap #0 pc=0 {}\n%0 = sload.int 0 #0\n%1 = add %0, 1 #0\nexit #0",
        "takes no snapshot",
    );
    bad(
        "snap #0 pc=0 {}\n%0 = sload.int 0 #0\n%1 = add %0, 1",
        "must end in `jump` or `exit`",
    );
    bad("snap #0 pc=0 {1: 2, 0: 3}\nexit #0", "sorted");
    bad(
        "snap #0 pc=0 {}\n%0 = sload.obj 0 #0\n%1 = load.ptr %0, 8\nsnap #1 pc=0 {3: %1}\nexit #1",
        "non-value type",
    );
    bad(
        "snap #0 pc=0 {}\n%0 = sload.int 0 #0\nloop\n%2 = add %0, 1\n%3 = phi %0, %2",
        "phi must directly follow loop",
    );
    bad(
        "snap #0 pc=0 {}\n%0 = sload.float 0 #0\n%1 = eq %0, %0\nexit #0",
        "not allowed",
    );
    bad("snap #0 pc=0 {}\nexit #0\nexit #0", "last instruction");
}
