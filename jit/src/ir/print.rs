//! IR text printer. The format (read back by `ir::parse`):
//!
//! ```text
//! snap #1 pc=12 frames=[] {0: %7, 2: 1.5}
//! %0 = sload.int 0 #0
//! %3 = add_ov %0, 1 #1
//! guard_true %4 #1
//! %5 = call.float @sin(%2)
//! store %6, 16, %5
//! loop
//! %9 = phi %3, %12
//! ```
//!
//! Instructions print as `%n = op[.type] operands [#snap]` (`.type` only for ops whose result type is
//! chosen per instruction). Constants print inline (`3`, `1.5`, `true`, `none`, `obj@0x10`). A snapshot
//! prints on its own line just before the first instruction that uses it; unused ones print at the end.

use super::ops::Kind;
use super::ops::Res;
use super::trace::{Inst, Snapshot, Trace};
use super::types::{IrRef, SnapId};
use std::fmt::Write;

/// Print a whole trace.
pub fn print_trace(t: &Trace) -> String {
    let mut out = String::new();
    let mut printed = vec![false; t.snaps.len()];
    for (i, inst) in t.insts.iter().enumerate() {
        if inst.snap.is_some() {
            if let Some(done) = printed.get_mut(inst.snap.index()) {
                if !*done {
                    *done = true;
                    print_snap(t, inst.snap, &t.snaps[inst.snap.index()], &mut out);
                    out.push('\n');
                }
            }
        }
        print_inst(t, i, inst, &mut out);
        out.push('\n');
    }
    for (s, done) in printed.iter().enumerate() {
        if !*done {
            print_snap(t, SnapId(s as u32), &t.snaps[s], &mut out);
            out.push('\n');
        }
    }
    out
}

/// Text of one reference: `%n` or the constant.
pub fn ref_text(t: &Trace, r: IrRef) -> String {
    match t.const_of(r) {
        Some(c) => c.to_string(),
        None if r == IrRef::NONE => "%?".to_string(),
        None => format!("%{}", r.index()),
    }
}

/// Print one snapshot line.
pub fn print_snap(t: &Trace, id: SnapId, s: &Snapshot, out: &mut String) {
    let _ = write!(out, "snap #{} pc={} frames=[", id.0, s.pc);
    for (i, f) in s.frames.iter().enumerate() {
        let _ = write!(out, "{}{f}", if i > 0 { ", " } else { "" });
    }
    out.push_str("] {");
    for (i, e) in s.entries.iter().enumerate() {
        let _ = write!(
            out,
            "{}{}: {}",
            if i > 0 { ", " } else { "" },
            e.slot,
            ref_text(t, e.val)
        );
    }
    out.push('}');
}

/// Print one instruction (without a newline).
pub fn print_inst(t: &Trace, index: usize, inst: &Inst, out: &mut String) {
    if inst.ty != super::types::Type::Void {
        let _ = write!(out, "%{index} = ");
    }
    out.push_str(inst.op.name());
    if inst.op.result() == Res::Dyn {
        let _ = write!(out, ".{}", inst.ty);
    }
    let mut first = true;
    for (i, k) in inst.op.operands().iter().enumerate() {
        out.push_str(if first { " " } else { ", " });
        first = false;
        match k {
            Kind::I | Kind::F | Kind::B | Kind::W | Kind::P | Kind::A | Kind::S => {
                out.push_str(&ref_text(t, inst.r(i)))
            }
            Kind::Slot => {
                let _ = write!(out, "{}", inst.f[i]);
            }
            Kind::Off => {
                let _ = write!(out, "{}", inst.imm(i));
            }
            Kind::Ty => match inst.ty_imm(i) {
                Some(ty) => out.push_str(ty.name()),
                None => out.push('?'),
            },
            Kind::Hp => {
                let name = t
                    .helpers
                    .get(inst.f[i] as usize)
                    .map_or("?", |s| s.as_str());
                let _ = write!(out, "@{name}");
            }
            Kind::Args => {
                // Printed glued to the helper name: `@name(a, b)`; undo the separator.
                out.truncate(out.len() - 2);
                out.push('(');
                for (j, &a) in t.call_args(inst).iter().enumerate() {
                    let _ = write!(out, "{}{}", if j > 0 { ", " } else { "" }, ref_text(t, a));
                }
                out.push(')');
            }
        }
    }
    if inst.snap.is_some() {
        let _ = write!(out, " #{}", inst.snap.0);
    }
}
