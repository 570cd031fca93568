//! Shared test helpers: IR text normalisation and the sum-of-squares trace.
#![allow(dead_code)]

use pvm_jit::ir::{parse_trace, print_trace, verify, Trace};

/// Parse and verify, panicking with the message (tests only).
pub fn parse(text: &str) -> Trace {
    let t = parse_trace(text).unwrap_or_else(|e| panic!("parse: {e}\n{text}"));
    verify(&t).unwrap_or_else(|e| panic!("{e}\n{}", print_trace(&t)));
    t
}

/// Trim every line and drop blank lines and comments, so expectations can be indented.
pub fn norm(text: &str) -> String {
    text.lines()
        .map(|l| l.split(';').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Assert that a trace prints as `expected` (after normalising both).
#[track_caller]
pub fn assert_ir(t: &Trace, expected: &str) {
    let got = print_trace(t);
    let want = norm(expected);
    if norm(&got) != want {
        panic!("IR mismatch.\n--- got ---\n{got}--- want ---\n{want}");
    }
}

/// `s += i*i for i in range(i, n)`: slots 0 = i, 1 = n, 2 = s. Recorded form (one iteration, `jump`).
pub const SUM_SQUARES: &str = "
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
