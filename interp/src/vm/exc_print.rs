//! Printing an uncaught exception as CPython 3.11 does (`print_exception_recursive` in
//! Python/pythonrun.c): the chain of causes and contexts (each exception printed once), and exception
//! groups in the boxed format — each sub-exception under a `+---------------- n ----------------`
//! separator, indented two columns and prefixed with `| ` per nesting level, at most 15 per group and 10
//! levels deep.

use super::Vm;
use crate::object::{ObjRef, Object, TbEntry};
use crate::value::Value;
use std::collections::HashSet;
use std::rc::Rc;

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

const CAUSE_MESSAGE: &str =
    "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str =
    "During handling of the above exception, another exception occurred:\n";

struct Ctx {
    out: String,
    /// Exceptions already printed (by identity): chains are cut where they loop.
    seen: HashSet<i64>,
    /// Nesting inside exception groups (0 outside any).
    depth: usize,
    /// The closing line of the innermost group is still to be written.
    need_close: bool,
}

impl Ctx {
    fn margin(&self) -> &'static str {
        if self.depth > 0 {
            "| "
        } else {
            ""
        }
    }
    fn indent(&mut self) {
        for _ in 0..2 * self.depth {
            self.out.push(' ');
        }
    }
    fn indented_margin(&mut self) {
        self.indent();
        let m = self.margin();
        self.out.push_str(m);
    }
}

impl Vm {
    /// The text CPython prints for an uncaught exception (`tb`: the entries collected while it
    /// propagated, used when the exception object has none of its own).
    pub(crate) fn format_uncaught(&mut self, obj: &ObjRef, tb: &[TbEntry]) -> String {
        if let Object::Exception(e) = &**obj {
            if !tb.is_empty() {
                *e.traceback.borrow_mut() = tb.to_vec();
            }
        }
        let mut ctx = Ctx {
            out: String::new(),
            seen: HashSet::new(),
            depth: 0,
            need_close: false,
        };
        self.print_recursive(&mut ctx, obj);
        ctx.out
    }

    fn print_recursive(&mut self, ctx: &mut Ctx, obj: &ObjRef) {
        if self.enter_native().is_err() {
            return;
        }
        self.print_cause_and_context(ctx, obj);
        let v = Value::Obj(obj.clone());
        if self.group_parts(&v).is_some() {
            self.print_group(ctx, obj);
        } else {
            self.print_one(ctx, obj);
        }
        self.leave_native();
    }

    fn print_cause_and_context(&mut self, ctx: &mut Ctx, obj: &ObjRef) {
        ctx.seen.insert(Value::Obj(obj.clone()).identity());
        let Object::Exception(e) = &**obj else {
            return;
        };
        let cause = e.cause.borrow().clone();
        if let Some(Object::Exception(_)) = cause.as_obj() {
            if !ctx.seen.contains(&cause.identity()) {
                if let Value::Obj(c) = &cause {
                    self.print_chained(ctx, c, CAUSE_MESSAGE);
                }
            }
            return;
        }
        if e.suppress_context.get() {
            return;
        }
        let context = e.context.borrow().clone();
        if let Some(Object::Exception(_)) = context.as_obj() {
            if !ctx.seen.contains(&context.identity()) {
                if let Value::Obj(c) = &context {
                    self.print_chained(ctx, c, CONTEXT_MESSAGE);
                }
            }
        }
    }

    fn print_chained(&mut self, ctx: &mut Ctx, obj: &ObjRef, message: &str) {
        let need_close = ctx.need_close;
        self.print_recursive(ctx, obj);
        ctx.need_close = need_close;
        ctx.indented_margin();
        ctx.out.push('\n');
        ctx.indented_margin();
        ctx.out.push_str(message);
        ctx.indented_margin();
        ctx.out.push('\n');
    }

    /// One exception: its traceback, its line, its notes.
    fn print_one(&mut self, ctx: &mut Ctx, obj: &ObjRef) {
        let v = Value::Obj(obj.clone());
        let is_group = self.group_parts(&v).is_some();
        let entries = match &**obj {
            Object::Exception(e) => e.traceback.borrow().clone(),
            _ => Vec::new(),
        };
        if !entries.is_empty() {
            let (header, header_margin) = if is_group {
                let m = if ctx.depth == 1 { "+ " } else { ctx.margin() };
                ("Exception Group Traceback (most recent call last):", m)
            } else {
                ("Traceback (most recent call last):", ctx.margin())
            };
            ctx.indent();
            ctx.out.push_str(header_margin);
            ctx.out.push_str(header);
            ctx.out.push('\n');
            // CPython's traceback.c: at most the 1000 most recent entries (the default
            // sys.tracebacklimit), and a run of more than 3 identical entries (recursion) is cut to
            // 3 and a "[Previous line repeated N more times]" line.
            const LIMIT: usize = 1000;
            const CUTOFF: usize = 3;
            let repeated = |ctx: &mut Ctx, cnt: usize| {
                if cnt > CUTOFF {
                    let n = cnt - CUTOFF;
                    let s = if n == 1 { "" } else { "s" };
                    ctx.indented_margin();
                    ctx.out
                        .push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
                }
            };
            let mut last: Option<(*const crate::code::Code, u32)> = None;
            let mut cnt = 0;
            for entry in entries.iter().take(LIMIT).rev() {
                let key = (Rc::as_ptr(&entry.code), entry.line);
                if last != Some(key) {
                    repeated(ctx, cnt);
                    last = Some(key);
                    cnt = 0;
                }
                cnt += 1;
                if cnt > CUTOFF {
                    continue;
                }
                ctx.indented_margin();
                ctx.out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    entry.code.filename(),
                    entry.line,
                    entry.code.name
                ));
                // Like CPython (linecache), no source line for pseudo-files: `<string>` (-c), `<stdin>`.
                let fname = entry.code.filename();
                let pseudo = fname.starts_with('<') && fname.ends_with('>');
                if let Some(line) = entry.code.source.line(entry.line).filter(|_| !pseudo) {
                    // CPython strips the indentation only (trailing blanks are printed).
                    let t = line.trim_start_matches([' ', '\t', '\x0c']);
                    if !t.trim_end().is_empty() {
                        ctx.indented_margin();
                        ctx.out.push_str("    ");
                        ctx.out.push_str(t);
                        ctx.out.push('\n');
                        let text = &entry.code.source.text;
                        if let Some(c) = super::carets::caret_line(text, entry.line, entry.span) {
                            ctx.indented_margin();
                            ctx.out.push_str(&c);
                            ctx.out.push('\n');
                        }
                    }
                }
            }
            repeated(ctx, cnt);
        }
        let line = self.exception_line(obj);
        ctx.indented_margin();
        ctx.out.push_str(&line);
        ctx.out.push('\n');
        // PEP 678 notes: each str in __notes__ on a line of its own.
        if let Object::Exception(e) = &**obj {
            let notes = e
                .dict
                .borrow()
                .get_str("__notes__", crate::hash::hash_str("__notes__"))
                .cloned();
            let items = match notes.as_ref().and_then(|n| n.as_obj()) {
                Some(Object::List(l)) => Some(l.borrow().clone()),
                Some(Object::Tuple(t)) => Some(t.clone()),
                _ => None,
            };
            match (notes, items) {
                (Some(_), Some(items)) => {
                    for n in items {
                        let s = match n.as_str() {
                            Some(s) => s.to_string(),
                            None => self
                                .str_of(&n)
                                .unwrap_or_else(|_| "<note str() failed>".into()),
                        };
                        for l in s.split('\n') {
                            ctx.indented_margin();
                            ctx.out.push_str(l);
                            ctx.out.push('\n');
                        }
                    }
                }
                (Some(n), None) => {
                    let s = self
                        .repr(&n)
                        .unwrap_or_else(|_| "<__notes__ repr() failed>".into());
                    ctx.indented_margin();
                    ctx.out.push_str(&s);
                    ctx.out.push('\n');
                }
                _ => {}
            }
        }
    }

    fn print_group(&mut self, ctx: &mut Ctx, obj: &ObjRef) {
        if ctx.depth > MAX_GROUP_DEPTH {
            ctx.indented_margin();
            ctx.out
                .push_str(&format!("... (max_group_depth is {})\n", MAX_GROUP_DEPTH));
            return;
        }
        if ctx.depth == 0 {
            ctx.depth += 1;
        }
        self.print_one(ctx, obj);
        let excs = self
            .group_parts(&Value::Obj(obj.clone()))
            .map(|(_, e)| e)
            .unwrap_or_default();
        let n = if excs.len() <= MAX_GROUP_WIDTH {
            excs.len()
        } else {
            MAX_GROUP_WIDTH + 1
        };
        ctx.need_close = false;
        for i in 0..n {
            let last = i + 1 == n;
            if last {
                // The closing line may be written by a nested group instead.
                ctx.need_close = true;
            }
            ctx.indent();
            let lead = if i == 0 { "+-" } else { "  " };
            let truncated = i >= MAX_GROUP_WIDTH;
            if truncated {
                ctx.out
                    .push_str(&format!("{}+---------------- ... ----------------\n", lead));
            } else {
                ctx.out.push_str(&format!(
                    "{}+---------------- {} ----------------\n",
                    lead,
                    i + 1
                ));
            }
            ctx.depth += 1;
            if truncated {
                let more = excs.len() - MAX_GROUP_WIDTH;
                ctx.indented_margin();
                ctx.out.push_str(&format!(
                    "and {} more exception{}\n",
                    more,
                    if more > 1 { "s" } else { "" }
                ));
            } else if let Value::Obj(sub) = &excs[i] {
                self.print_recursive(ctx, sub);
            }
            if last && ctx.need_close {
                ctx.indent();
                ctx.out.push_str("+------------------------------------\n");
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if ctx.depth == 1 {
            ctx.depth -= 1;
        }
    }
}
