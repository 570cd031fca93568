//! The optimiser. [`optimize`] is the whole pipeline, in order; each pass lives in its own file and opens
//! with an essay on what it does and how to extend it.
//!
//! | pass | file | what |
//! |---|---|---|
//! | fold + CSE | `fold.rs`, `emit.rs` | constant folding, algebraic simplification, common subexpressions; also runs on the fly while recording, through [`Emitter`] |
//! | guards | `guards.rs` | redundant and implied guards, int ranges, overflow checks that cannot fail |
//! | bounds | `bounds.rs` | constant-index bounds checks on one length merged into the first (strongest) |
//! | peel | `peel.rs` | loop peeling with copy-substitution: loop-carried `phi`s, loop-invariant code motion through CSE |
//! | dce | `dce.rs` | dead code (snapshot uses keep values alive), non-loop-carried `phi`s |
//! | sink | `sink.rs` | allocation sinking: instances only written and named by exits are never made; exits materialise them |
//!
//! Every pass rebuilds the trace through a fresh [`Emitter`], so the output is always folded, CSEd and
//! densely numbered.

pub mod bounds;
pub mod dce;
pub mod emit;
pub mod fold;
pub mod guards;
pub mod peel;
pub mod sink;

pub use emit::{Action, Emitter};
pub use peel::NoPeel;

use crate::ir::{verify, Trace, VerifyError};

/// Which passes run. `Default` turns on everything; verification between passes is on in debug builds.
#[derive(Clone, Debug)]
pub struct OptConfig {
    /// Constant folding and CSE over the recorded trace.
    pub fold: bool,
    /// Redundant guard elimination and int ranges.
    pub guards: bool,
    /// Loop peeling / loop-invariant code motion.
    pub peel: bool,
    /// Dead-code elimination.
    pub dce: bool,
    /// Run the IR verifier before and after every pass.
    pub verify: bool,
    /// Allocation sinking, given the instance layout; None: off.
    pub sink: Option<sink::SinkLayout>,
}

impl Default for OptConfig {
    fn default() -> Self {
        OptConfig {
            fold: true,
            guards: true,
            peel: true,
            dce: true,
            verify: cfg!(debug_assertions),
            sink: None,
        }
    }
}

/// What the optimiser did, for logs and `--jit-stats`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OptReport {
    /// Instructions before.
    pub insts_before: usize,
    /// Instructions after.
    pub insts_after: usize,
    /// Why the loop was not peeled, if it was not.
    pub no_peel: Option<NoPeel>,
}

/// Fold + CSE over a whole trace (a rebuild that keeps every instruction).
pub fn fold_cse(t: &Trace) -> Trace {
    emit::rebuild(t, true, |_, _, inst| Action::Emit(inst))
}

/// Optimise a trace in place. The pipeline, in order:
/// 1. fold + CSE (in case the recorder emitted without folding, or the trace came from text);
/// 2. guards on the straight line: less to copy when peeling;
/// 3. peel the loop: the body CSEs against the pre-roll, which hoists invariant code and guards;
/// 4. guards again: pre-roll facts now prove body guards and overflow checks;
/// 5. DCE, repeated while it still finds `phi`s that are not loop-carried (dropping one can make
///    others redundant);
/// 6. allocation sinking, if configured (`OptConfig::sink`).
pub fn optimize(t: &mut Trace, cfg: &OptConfig) -> Result<OptReport, VerifyError> {
    let mut report = OptReport {
        insts_before: t.insts.len(),
        ..OptReport::default()
    };
    let check = |t: &Trace| if cfg.verify { verify(t) } else { Ok(()) };
    check(t)?;
    if cfg.fold {
        *t = fold_cse(t);
        check(t)?;
    }
    if cfg.guards {
        *t = guards::run(t);
        check(t)?;
        *t = bounds::run(t);
        check(t)?;
    }
    if cfg.peel {
        match peel::run(t) {
            Ok(p) => *t = p,
            Err(why) => report.no_peel = Some(why),
        }
        check(t)?;
    }
    if cfg.guards {
        *t = guards::run(t);
        check(t)?;
    }
    if cfg.dce {
        for _ in 0..4 {
            let before = t.insts.len();
            *t = dce::run(t);
            check(t)?;
            if t.insts.len() == before {
                break;
            }
        }
    }
    if let Some(lay) = &cfg.sink {
        // Last: it needs the final uses of every allocation, and leaves values that only fed dropped
        // stores of unnamed allocations to one more DCE.
        if let Some(sunk) = sink::run(t, lay) {
            *t = sunk;
            check(t)?;
            if cfg.dce {
                *t = dce::run(t);
                check(t)?;
            }
        }
    }
    report.insts_after = t.insts.len();
    Ok(report)
}
