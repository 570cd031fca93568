//! JIT statistics for `--jit-stats`: what was compiled, what aborted and why, where traces exit, how big
//! and how slow to compile the traces were, and how much of the run was spent in native code.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// One compiled trace, as reported.
#[derive(Clone, Debug, Default)]
pub struct TraceStat {
    /// Trace number.
    pub id: usize,
    /// "root" or "side of N/exit E".
    pub kind: String,
    /// Function name and source line of the start (loop header for root traces).
    pub func: String,
    /// Source line.
    pub line: u32,
    /// Bytecode pc of the start.
    pub pc: u32,
    /// Bytecodes recorded.
    pub bytecodes: usize,
    /// IR instructions recorded / after optimisation.
    pub ir_before: usize,
    /// IR after optimisation.
    pub ir_after: usize,
    /// Whether the loop was peeled (or why not).
    pub peeled: String,
    /// Machine code bytes.
    pub code_size: usize,
    /// Record end to native code: optimise + Cranelift.
    pub compile_time: Duration,
    /// Of which optimising.
    pub opt_time: Duration,
    /// Number of exits.
    pub exits: usize,
    /// Times entered from the interpreter.
    pub entries: u64,
}

/// Counters kept by the driver.
pub struct Stats {
    /// Compiled traces.
    pub traces: Vec<TraceStat>,
    /// Aborts by (reason, function, line) → count, with one example message.
    pub aborts: HashMap<(String, String, u32), (u64, String)>,
    /// Blacklisted loops: (function, line).
    pub blacklisted: Vec<(String, u32)>,
    /// Recordings started (root, side).
    pub recordings: (u64, u64),
    /// Time spent inside trace calls.
    pub native: Duration,
    /// `native` in clock ticks, as counted (converted when reported).
    pub native_ticks: u64,
    /// When the JIT was installed (≈ program start).
    pub started: Instant,
}

impl Default for Stats {
    fn default() -> Self {
        Stats {
            traces: Vec::new(),
            aborts: HashMap::new(),
            blacklisted: Vec::new(),
            recordings: (0, 0),
            native: Duration::ZERO,
            native_ticks: 0,
            started: Instant::now(),
        }
    }
}

/// One exit's count, for the "hot exits" table.
pub struct ExitStat {
    /// Trace number.
    pub trace: usize,
    /// Local exit number.
    pub exit: u32,
    /// Resume pc and line.
    pub pc: u32,
    /// Line of the resume pc.
    pub line: u32,
    /// The IR instruction that exits.
    pub inst: String,
    /// Times taken.
    pub count: u32,
    /// What happens there now ("side trace N", "dead", "").
    pub fate: String,
}

impl Stats {
    /// Format the report.
    pub fn report(&self, exits: &mut [ExitStat]) -> String {
        let mut s = String::new();
        let wall = self.started.elapsed();
        let _ = writeln!(s, "---- pvm JIT statistics ----");
        let code: usize = self.traces.iter().map(|t| t.code_size).sum();
        let ctime: Duration = self.traces.iter().map(|t| t.compile_time).sum();
        let _ = writeln!(
            s,
            "traces: {} compiled ({} root recordings, {} side recordings started), {} bytes of native code, {:.2} ms compiling",
            self.traces.len(),
            self.recordings.0,
            self.recordings.1,
            code,
            ctime.as_secs_f64() * 1e3
        );
        let share = if wall.as_secs_f64() > 0.0 {
            100.0 * self.native.as_secs_f64() / wall.as_secs_f64()
        } else {
            0.0
        };
        let _ = writeln!(
            s,
            "time in native code: {:.1} ms of {:.1} ms wall ({share:.1}%)",
            self.native.as_secs_f64() * 1e3,
            wall.as_secs_f64() * 1e3
        );
        if !self.traces.is_empty() {
            let _ = writeln!(s, "\ncompiled traces:");
            let _ = writeln!(
                s,
                "  {:>3}  {:<22} {:<24} {:>5} {:>5} {:>6} {:>6} {:>5} {:>8} {:>9} {:>9}  loop",
                "#",
                "kind",
                "start",
                "pc",
                "bc",
                "IR",
                "opt",
                "exits",
                "code",
                "optimise",
                "compile"
            );
            for t in &self.traces {
                let _ = writeln!(
                    s,
                    "  {:>3}  {:<22} {:<24} {:>5} {:>5} {:>6} {:>6} {:>5} {:>8} {:>7.2}ms {:>7.2}ms  {}",
                    t.id,
                    t.kind,
                    format!("{}:{}", t.func, t.line),
                    t.pc,
                    t.bytecodes,
                    t.ir_before,
                    t.ir_after,
                    t.exits,
                    t.code_size,
                    t.opt_time.as_secs_f64() * 1e3,
                    t.compile_time.as_secs_f64() * 1e3,
                    t.peeled
                );
            }
        }
        if !self.aborts.is_empty() {
            let _ = writeln!(s, "\naborts (reason, where, count):");
            let mut v: Vec<_> = self.aborts.iter().collect();
            v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
            for ((reason, func, line), (n, msg)) in v {
                let _ = writeln!(s, "  {n:>6}  {reason:<16} {func}:{line}  ({msg})");
            }
        }
        if !self.blacklisted.is_empty() {
            let _ = writeln!(s, "\nblacklisted loops:");
            for (f, l) in &self.blacklisted {
                let _ = writeln!(s, "  {f}:{l}");
            }
        }
        exits.sort_by_key(|e| std::cmp::Reverse(e.count));
        let taken: Vec<_> = exits.iter().filter(|e| e.count > 0).take(15).collect();
        if !taken.is_empty() {
            let _ = writeln!(s, "\nexits taken (top {}):", taken.len());
            for e in taken {
                let _ = writeln!(
                    s,
                    "  {:>10}  trace {} exit {:<3} pc {:<5} line {:<5} {:<28} {}",
                    e.count, e.trace, e.exit, e.pc, e.line, e.inst, e.fate
                );
            }
        }
        s
    }
}
