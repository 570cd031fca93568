//! Trace-shape tests (PyPy's `test_pypy_c` style): run a small Python program through the interpreter
//! with the JIT installed and the threshold at 1, then match the optimised IR of its traces against an
//! expected listing, up to renaming of values.
//!
//! Expected listings are IR text without snapshots. `%name`s are bound to the actual value numbers on
//! first use (consistently in both directions); `_` matches any one token (an object address, a
//! snapshot, a version number); a line `...` skips any number of lines. The match is on the loop body
//! (from the `loop` line) unless the listing starts with `pre:`. Every peeled body starts with `guard_intr`
//! (the Ctrl-C / deadline check) after its phis.

use pvm_interp::vm::Vm;
use std::collections::HashMap;

/// Run `src` with the JIT at threshold 1; return the optimised IR of every compiled trace, by function.
fn traces(src: &str) -> Vec<(String, String)> {
    let mut vm = Vm::new(vec!["<test>".to_string()]);
    vm.opts.jit_threshold = 1;
    let (_log, cap) = pvm_jit::driver::install_capture(&mut vm);
    let status = pvm_interp::run::run_main(&mut vm, src, "<test>", false);
    assert_eq!(status, 0, "program failed");
    let t = cap.borrow().traces.clone();
    t
}

/// The trace compiled for function `func` (the first one).
fn trace_of(src: &str, func: &str) -> String {
    let all = traces(src);
    match all.iter().find(|(f, _)| f == func) {
        Some((_, ir)) => ir.clone(),
        None => panic!("no trace for {func}; traces: {all:#?}"),
    }
}

fn tokens(line: &str) -> Vec<String> {
    // Drop the snapshot operand (`#n`) and split on spaces and commas.
    line.split([' ', ','])
        .filter(|t| !t.is_empty() && !t.starts_with('#'))
        .map(|t| t.to_string())
        .collect()
}

/// Match `actual` IR against `expected` (see the module docs); Err explains the first mismatch.
fn matches(actual: &str, expected: &str) -> Result<(), String> {
    let mut exp: Vec<&str> = expected
        .lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with(';'))
        .collect();
    let whole = exp.first() == Some(&"pre:");
    if whole {
        exp.remove(0);
    }
    let act: Vec<&str> = actual
        .lines()
        .map(|l| l.trim())
        .filter(|l| !l.starts_with("snap"))
        .skip_while(|l| !whole && *l != "loop")
        .skip(usize::from(!whole))
        .collect();
    let mut fwd: HashMap<String, String> = HashMap::new();
    let mut back: HashMap<String, String> = HashMap::new();
    fn go(
        exp: &[&str],
        act: &[&str],
        fwd: &mut HashMap<String, String>,
        back: &mut HashMap<String, String>,
    ) -> Result<(), String> {
        let Some((&e, erest)) = exp.split_first() else {
            return if act.is_empty() {
                Ok(())
            } else {
                Err(format!("extra actual lines from: {}", act[0]))
            };
        };
        if e == "..." {
            for k in 0..=act.len() {
                let (mut f2, mut b2) = (fwd.clone(), back.clone());
                if go(erest, &act[k..], &mut f2, &mut b2).is_ok() {
                    *fwd = f2;
                    *back = b2;
                    return Ok(());
                }
            }
            return Err(format!(
                "nothing after `...` matches `{}`",
                erest.first().unwrap_or(&"")
            ));
        }
        let Some((&a, arest)) = act.split_first() else {
            return Err(format!("missing line `{e}`"));
        };
        let (et, at) = (tokens(e), tokens(a));
        if et.len() != at.len() {
            return Err(format!("`{e}` vs `{a}`"));
        }
        for (x, y) in et.iter().zip(&at) {
            if x == "_" {
                continue;
            }
            if x.starts_with('%') && y.starts_with('%') {
                match (fwd.get(x), back.get(y)) {
                    (Some(b), _) if b != y => return Err(format!("`{e}` vs `{a}`: {x} is {b}")),
                    (_, Some(b)) if b != x => return Err(format!("`{e}` vs `{a}`: {y} is {b}")),
                    _ => {
                        fwd.insert(x.clone(), y.clone());
                        back.insert(y.clone(), x.clone());
                    }
                }
            } else if x != y {
                return Err(format!("`{e}` vs `{a}`"));
            }
        }
        go(erest, arest, fwd, back)
    }
    go(&exp, &act, &mut fwd, &mut back)
}

#[track_caller]
fn assert_shape(src: &str, func: &str, expected: &str) {
    let ir = trace_of(src, func);
    if let Err(why) = matches(&ir, expected) {
        panic!("trace of {func} does not match: {why}\n--- actual ---\n{ir}--- expected ---\n{expected}");
    }
}

#[test]
fn matcher_renames_consistently() {
    let act = "%0 = sload.int 0 #0\nloop\n%3 = phi %0, %4\n%4 = add %3, 1\n";
    assert!(matches(act, "%a = phi %i, %b\n%b = add %a, 1").is_ok());
    assert!(matches(act, "%a = phi %i, %b\n%b = add %b, 1").is_err());
    assert!(matches(act, "...\n%b = add _, 1").is_ok());
}

#[test]
fn sum_of_squares_is_three_int_ops_and_one_guard() {
    // Small enough to stay in i64. The loop counter's `+ 1` cannot overflow after `i < stop`; the
    // squares and the sum can. No allocation, no calls.
    let src = "
def f(n):
    s = 0
    for i in range(n):
        s += i * i
    return s
f(3000)
";
    assert_shape(
        src,
        "f",
        "
        %s = phi _, %s2
        ...
        %i = phi _, %i2
        guard_intr
        %c = lt %i, %n
        guard_true %c
        %i2 = add %i, 1
        %sq = mul_ov %i, %i
        %s2 = add_ov %s, %sq
        ",
    );
}

#[test]
fn float_loop_has_no_calls_and_no_allocation() {
    let src = "
def integrate(n):
    h = 1.0 / n
    s = 0.0
    x = 0.5 * h
    for _ in range(n):
        s += 4.0 / (1.0 + x * x)
        x += h
    return s * h
integrate(5000)
";
    let ir = trace_of(src, "integrate");
    let body: String = ir
        .lines()
        .skip_while(|l| *l != "loop")
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!body.contains("call"), "{ir}");
    assert_shape(
        src,
        "integrate",
        "
        %s = phi _, %s2
        %x = phi _, %x2
        ...
        %i = phi _, %i2
        guard_intr
        %c = lt %i, %n
        guard_true %c
        %i2 = add %i, 1
        %sq = fmul %x, %x
        %d = fadd %sq, 1.0
        %q = fdiv 4.0, %d
        %s2 = fadd %s, %q
        %x2 = fadd %h, %x
        ",
    );
}

#[test]
fn list_indexing_is_inline_loads_with_hoisted_kind_guard() {
    // `xs` is loop-invariant and the loop stores nothing: its type guard and the loads of its element
    // pointer and length happen once, before the loop; each iteration checks the bounds and the
    // element's tag and loads the payload.
    let src = "
def total(xs):
    t = 0.0
    for i in range(len(xs)):
        t += xs[i]
    return t
total([0.5] * 3000)
";
    assert_shape(
        src,
        "total",
        "
        %t = phi _, %t2
        ...
        %i = phi _, %i2
        guard_intr
        %c = lt %i, %n
        guard_true %c
        %i2 = add %i, 1
        %ge = ge %i, 0
        guard_true %ge
        %in = lt %i, %len
        guard_true %in
        %off = mul %i, 16
        %p = padd %data, %off
        guard_tag %p, 0, float
        %x = load.float %p, 8
        %t2 = fadd %t, %x
        ",
    );
}

#[test]
fn inlined_call_leaves_no_trace_of_the_call() {
    // `a_elem` is inlined: the callee is a global, whose dict-version guard is loop-invariant and so
    // hoisted; nothing remains of the call but its arithmetic.
    let src = "
def a_elem(i, j):
    s = i + j
    return 1.0 / ((s * (s + 1) >> 1) + i + 1)

def row(i, n):
    acc = 0.0
    for j in range(n):
        acc += a_elem(i, j)
    return acc
row(3, 3000)
";
    let ir = trace_of(src, "row");
    let body: String = ir
        .lines()
        .skip_while(|l| *l != "loop")
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!body.contains("call"), "{ir}");
    assert_shape(
        src,
        "row",
        "
        %acc = phi _, %acc2
        ...
        %j = phi _, %j2
        guard_intr
        %c = lt %j, %n
        guard_true %c
        %j2 = add %j, 1
        %s = add_ov %i, %j
        %s1 = add_ov %s, 1
        %p = mul_ov %s, %s1
        %h = shr %p, 1
        %d = add_ov %i, %h
        %d1 = add_ov %d, 1
        %f = i2f %d1
        %q = fdiv 1.0, %f
        %acc2 = fadd %acc, %q
        ",
    );
}

#[test]
fn bigint_accumulator_stays_unboxed_as_a_wide_int() {
    // The sum leaves i64 at once: the loop carries it as a 128-bit `wide` value. The bigint is unboxed
    // once before the loop; inside it there is no call and no allocation, only a 128-bit add whose
    // overflow guard hands bigger numbers back to the interpreter.
    let src = "
def f(n):
    s = 2 ** 64
    for i in range(n):
        s += i * i
    return s
f(3000)
";
    assert_shape(
        src,
        "f",
        "
        %s = phi _, %s2
        ...
        %i = phi _, %i2
        guard_intr
        %c = lt %i, %n
        guard_true %c
        %i2 = add %i, 1
        %sq = mul_ov %i, %i
        %w = i2w %sq
        %s2 = wadd_ov %s, %w
        ",
    );
}

#[test]
fn attribute_loads_are_guarded_once_then_plain_slot_loads() {
    // `p` is the same instance every iteration: its kind, class, shape and the type epoch are guarded
    // in the pre-roll, and the loop body keeps only the arithmetic (the slot loads fold too: the loop
    // writes no memory).
    let src = "
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def f(p, n):
    s = 0
    for i in range(n):
        s += p.x + p.y
    return s
f(P(1, 2), 3000)
";
    assert_shape(
        src,
        "f",
        "
        pre:
        guard_intr
        ...
        %p = sload.obj 0
        %w = load.int %p, _
        %k = band %w, 255
        guard_eq %k, _
        %c = load.obj %p, _
        guard_eq %c, _
        %e = load.int _, 0
        guard_eq %e, _
        %sh = load.int %p, _
        guard_eq %sh, _
        %d = load.ptr %p, _
        guard_tag %d, 0, int
        %x = load.int %d, 8
        %a = padd %d, 16
        guard_tag %a, 0, int
        %y = load.int %a, 8
        %xy = add_ov %x, %y
        %s1 = add_ov %s0, %xy
        loop
        %s = phi %s1, %s2
        ...
        guard_intr
        %lt = lt %i, %n
        guard_true %lt
        %i2 = add %i, 1
        %s2 = add_ov %xy, %s
        ",
    );
}

#[test]
fn inlined_method_call_updates_an_attribute_in_place() {
    // `a.add(i)` is LoadMethod + CallMethod of a plain function: inlined with `self` as its first
    // local. `self.total += v` is a raw payload store into the slot (int over int); the guards on the
    // instance stay in the pre-roll because payload stores cannot change an object's class or shape.
    let src = "
class Acc:
    def __init__(self):
        self.total = 0
    def add(self, v):
        self.total += v
        return self

def f(a, n):
    for i in range(n):
        a.add(i)
    return a.total
f(Acc(), 3000)
";
    assert_shape(
        src,
        "f",
        "
        %i = phi _, %j
        %j = phi _, %j2
        guard_intr
        %c = lt %j, %n
        guard_true %c
        %j2 = add %j, 1
        %t = load.int %d, 8
        %t2 = add_ov %j, %t
        store %d, 8, %t2
        ",
    );
}

#[test]
fn temporaries_are_sunk_no_allocation_in_the_loop() {
    // Three instances per iteration (two constructor calls and the one `add` returns), none of them
    // allocated: each is a `snew` with its member stores as `sstore`s, which have no code; only an
    // exit would make them (opt/sink.rs). `v` lives across the back edge, so it is a `phi` of two
    // sunk allocations whose members are carried as phis. What runs: i2f, fmul, fadd, fmul, fadd.
    let src = "
class V:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return V(self.x + o.x, self.y + o.y)

def f(n):
    s = 0.0
    for i in range(n):
        v = V(i * 0.5, 1.0).add(V(1.0, 2.0))
        s += v.x * v.y
    return s
f(3000)
";
    assert_shape(
        src,
        "f",
        "
        ...
        guard_intr
        %c = lt %j, %n
        guard_true %c
        %j2 = add %j, 1
        %f = i2f %j
        %x = fmul %f, 0.5
        %a = snew _
        sstore %a, 0, 3
        sstore %a, 8, %x
        sstore %a, 16, 3
        sstore %a, 24, 1.0
        %b = snew _
        sstore %b, 0, 3
        sstore %b, 8, 1.0
        sstore %b, 16, 3
        sstore %b, 24, 2.0
        %y = fadd %x, 1.0
        %v = snew _
        sstore %v, 0, 3
        sstore %v, 8, %y
        sstore %v, 16, 3
        sstore %v, 24, 3.0
        %p = fmul %y, 3.0
        %s2 = fadd %s, %p
        ",
    );
}

#[test]
fn generator_step_is_one_resume_helper_typed_loads_and_one_write_back() {
    // `for x in squares(n)`: each iteration resumes the generator inline (`gen_enter` checks it and
    // hands out its slot buffer), runs its body to the `yield` and writes back only the changed
    // local (`i`; `n` is kept: tag code 7) with `gen_yield`.
    let src = "
def squares(n):
    i = 0
    while i < n:
        yield i * i
        i += 1

def f():
    total = 0
    for x in squares(3000):
        total += x
    return total

f()
";
    assert_shape(
        src,
        "f",
        "
        ...
        guard_intr
        %buf = callg.ptr _ _ 7 18 2 1)
        %n = load.int %buf, 8
        %i = load.int %buf, 24
        %i2 = add_ov %i, 1
        %c = lt %i2, %n
        guard_true %c
        %sq = mul_ov %i2, %i2
        store _, 8, %i2
        callg.void _ 7, 23, 2)
        %t2 = add_ov %t, %sq
        ",
    );
}
