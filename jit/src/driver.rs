//! The driver: the JIT's side of `pvm_interp::vm::JitHooks`. It decides when to record, turns recordings
//! into native code, enters traces and brings the interpreter back after an exit.
//!
//! ## Life of a loop (LuaJIT's `lj_trace.c` state machine, one function per state)
//! 1. **Counting.** `JumpBackward` counts per loop header; at `--jit-threshold` the interpreter calls
//!    `on_hot_loop`. With no trace for the header, the loop first *warms up* (`WARMUP`: it must keep
//!    running for as long as a compile costs), then the driver starts a root recording (`start_root`):
//!    `vm.recording = true`, and the interpreter calls `record_instr` before every instruction.
//! 2. **Recording** (`record_instr` → `step`). The recorder emits IR for the instruction. When the
//!    interpreter is back at the header in the same frame, the loop closes (`jump`); when it reaches the
//!    header of another compiled trace, the recording ends with an `exit` linked to that trace.
//! 3. **Compiling** (`finish`): `optimize()` (fold/CSE, guards, peeling/LICM, DCE), then Cranelift.
//!    Traces are cached per (code object, header pc) in `loops`; side traces hang off their parent's exit.
//! 4. **Running** (`enter`): the next time the header is hot, the trace runs on `vm.stack` from the
//!    frame's base (`ctx` is the `Runtime`, for helpers). It returns a global exit id.
//! 5. **Exit** (`restore`): the exit has written its snapshot into the slots; the driver sets the frame's
//!    `sp` (and rebuilds `Frame` records for inlined calls) and returns the resume pc. The interpreter
//!    re-executes the instruction the snapshot names.
//! 6. **Hot exits** (`exit_taken`): an exit taken `hotexit` times starts a side-trace recording from the
//!    exit's state; the finished side trace is linked into the parent's exit (`CompiledTrace::link`), so
//!    the guard that kept failing now jumps to native code instead of the interpreter: no deopt storm.
//!    Exits whose side traces keep aborting are marked dead (taken, but no more attempts).
//! 7. **Aborts** (`abort`): the recording is dropped (the interpreter just continues); a loop header that
//!    aborts `MAX_ABORTS` times is blacklisted, its counter reset so the interpreter stops asking often.
//!
//! A trace holds strong references to the objects it uses as constants and to the dicts whose versions
//! it guards, so the addresses baked into its code stay valid. Traces are never freed before the driver
//! (side traces link to each other freely).

use crate::abi::{self, RawValue};
use crate::backend::{Backend, BackendConfig, CompiledTrace};
use crate::clock::{ticks, TickRate};
use crate::ir::{print_trace, ExitId, IrRef, Op, Trace};
use crate::opt::{optimize, OptConfig};
use crate::record::{
    Abort, Inheritance, InlineInfo, KnownTable, Recorder, Start, MAX_INLINE_DEPTH,
};
use crate::runtime::{helper_specs, Runtime};
use crate::stats::{ExitStat, Stats, TraceStat};
use pvm_interp::bytecode::Op as BcOp;
use pvm_interp::code::Code;
use pvm_interp::object::Object;
use pvm_interp::value::Value;
use pvm_interp::vm::{Frame, JitHooks, Vm};
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::time::Instant;

/// Default `--jit-threshold`: loop iterations before a loop is recorded. A trace costs 0.2-4 ms of
/// Cranelift (on the compile thread), some 20 times LuaJIT's cost, so loops must run a while first
/// (PyPy uses 1619).
pub const DEFAULT_THRESHOLD: u32 = 2000;
/// Aborted recordings of one loop header before it is blacklisted.
pub const MAX_ABORTS: u32 = 4;
/// Failed side-trace recordings from one exit before the exit is given up.
pub const MAX_SIDE_ATTEMPTS: u8 = 4;
/// Side traces per root trace.
pub const MAX_SIDES: usize = 64;
/// Exits taken before a side trace is recorded (at most; lower with small `--jit-threshold`s).
pub const HOTEXIT: u32 = 10;
/// Entries from the interpreter after which a root trace's average time per entry is checked.
pub const SHORT_RUN_CHECK: u64 = 1024;
/// A root trace whose entries average less native time than this is not entered any more: entering
/// and leaving costs about as much (see `check_short_runs`). Runs are timed exactly (time-stamp counter)
/// since session 4; 200 ns was calibrated with `Instant`'s own cost inside the measurement and then
/// blacklisted richards' scheduler loop (152 ns per run, most of it in linked side traces).
pub const SHORT_RUN: std::time::Duration = std::time::Duration::from_nanos(50);

/// Times a loop's root trace may be recorded again (see `request_retrace`).
pub const MAX_RETRACES: u32 = 2;
/// Recordings that end with the loop (`Abort::LoopExit`) that count as one real abort.
pub const MAX_LOOP_EXITS: u32 = 8;

/// A loop's trace is to be replaced.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Retrace {
    /// Record again the next time the loop is hot.
    Wanted,
    /// The new recording is being compiled.
    Compiling,
}

// The interpreter's `Value` is what traces read and write: check its layout against `abi`.
const _: () = {
    assert!(std::mem::size_of::<Value>() == abi::VALUE_SIZE);
    assert!(pvm_interp::value::VALUE_SIZE == abi::VALUE_SIZE);
    assert!(pvm_interp::value::PAYLOAD_OFFSET == abi::PAYLOAD_OFFSET);
    assert!(pvm_interp::value::TAG_NONE == abi::TAG_NONE);
    assert!(pvm_interp::value::TAG_BOOL == abi::TAG_BOOL);
    assert!(pvm_interp::value::TAG_INT == abi::TAG_INT);
    assert!(pvm_interp::value::TAG_FLOAT == abi::TAG_FLOAT);
    assert!(pvm_interp::value::TAG_OBJ == abi::TAG_OBJ);
    assert!(pvm_interp::value::TAG_UNDEF == abi::TAG_UNDEF);
};

/// A `Value` seen as tag byte, padding and payload (what native code sees).
#[repr(C)]
struct Probe {
    tag: u8,
    _pad: [std::mem::MaybeUninit<u8>; 7],
    payload: u64,
}

const _: () = {
    // SAFETY: `Value` is `#[repr(C, u64)]` and 16 bytes (asserted above); `Probe` has the same size and
    // reads the padding as `MaybeUninit`. Transmuting by value moves the `Value` (nothing is dropped).
    let p: Probe = unsafe { std::mem::transmute(Value::Int(0x1234_5678_9abc_def0)) };
    assert!(p.tag == abi::TAG_INT && p.payload == 0x1234_5678_9abc_def0);
    // SAFETY: as above.
    let p: Probe = unsafe { std::mem::transmute(Value::Float(1.5)) };
    assert!(p.tag == abi::TAG_FLOAT && p.payload == 0x3ff8_0000_0000_0000);
    // SAFETY: as above.
    let p: Probe = unsafe { std::mem::transmute(Value::Undef) };
    assert!(p.tag == abi::TAG_UNDEF);
};

/// Install the JIT into an interpreter. `log` prints recordings, IR and Cranelift IR to stderr (also
/// turned on by the environment variable `PVM_JIT_LOG=1`).
pub fn install(vm: &mut Vm, log: bool) {
    let log = log || std::env::var("PVM_JIT_LOG").is_ok_and(|v| !v.is_empty() && v != "0");
    let sink = if log { Some(Sink::Stderr) } else { None };
    install_with(vm, sink, None);
}

/// What tests can observe: the optimised IR of every compiled trace and every abort.
#[derive(Default, Debug)]
pub struct Capture {
    /// (function name, optimised IR text) per compiled trace, in order.
    pub traces: Vec<(String, String)>,
    /// Abort messages, in order.
    pub aborts: Vec<String>,
}

/// Install the JIT with its log going to a buffer and compiled traces captured (for tests).
pub fn install_capture(vm: &mut Vm) -> (Rc<RefCell<String>>, Rc<RefCell<Capture>>) {
    let buf = Rc::new(RefCell::new(String::new()));
    let cap = Rc::new(RefCell::new(Capture::default()));
    install_with(vm, Some(Sink::Buffer(buf.clone())), Some(cap.clone()));
    (buf, cap)
}

fn install_with(vm: &mut Vm, sink: Option<Sink>, capture: Option<Rc<RefCell<Capture>>>) {
    if !crate::runtime::check_layout() {
        // Object payloads would not be what the helpers expect: run the interpreter alone.
        return;
    }
    let cfg = BackendConfig {
        keep_clif: sink.is_some(),
        ..BackendConfig::default()
    };
    // Small thresholds are for testing: compile synchronously, so that what runs native is
    // deterministic. Otherwise compile on a thread: the interpreter keeps running the loop meanwhile, so
    // a short script never waits for Cranelift.
    let sync = vm.opts.jit_threshold <= SYNC_THRESHOLD
        || capture.is_some()
        || std::env::var("PVM_JIT_SYNC").is_ok_and(|v| !v.is_empty() && v != "0");
    let compiler = if sync {
        match Backend::with_config(&helper_specs(), cfg) {
            Ok(b) => Compiler::Sync(Box::new(b)),
            Err(e) => {
                // No native code on this machine: run the interpreter alone.
                if sink.is_some() {
                    eprintln!("pvm: JIT disabled: {e}");
                }
                return;
            }
        }
    } else {
        Compiler::Lazy(cfg)
    };
    let hotexit = HOTEXIT.min(vm.opts.jit_threshold.max(1));
    let driver = Driver {
        compiler,
        pending: HashMap::default(),
        next_job: 0,
        rt: Box::default(),
        known: None,
        traces: Vec::new(),
        loops: HashMap::default(),
        retraces: HashMap::default(),
        retrace: HashMap::default(),
        loop_exits: HashMap::default(),
        rec: None,
        sink,
        capture,
        stats: Stats::default(),
        stack_need: 0,
        hotexit,
        cells: Default::default(),
        warmup: if sync {
            std::time::Duration::ZERO
        } else {
            WARMUP
        },
        rate: TickRate::start(),
        last_exit: None,
        handover_at: Default::default(),
        poly_calls: Default::default(),
        headers: HashMap::default(),
    };
    vm.jit = Some(Box::new(driver));
    vm.opts.jit_enabled = true;
}

/// Side traces inherit their parent exit's values (the exit skips its write-back).
const INHERIT: bool = true;

/// How long a loop must keep running, from the moment it first reaches the threshold, before it is
/// recorded (with the compile thread; not with the small test thresholds, which compile at once).
///
/// Why: a Cranelift compile costs 0.3-1 ms of CPU (the first one also sets up the backend), as much as
/// 10,000-40,000 interpreted iterations of a small loop, so an iteration count alone compiles loops that
/// end before the code pays back, and a short script then burns more CPU with the JIT than without it.
/// Waiting as long as a compile costs (the ski-rental rule) bounds that waste to about the time the
/// loop had already run, while a long-running loop loses at most this long.
pub const WARMUP: std::time::Duration = std::time::Duration::from_micros(1000);

/// What setting up the Cranelift backend costs on top of the first compile (ISA flags, contexts, the
/// entry trampoline: about 1.4 ms of CPU, measured against a synchronous compile of a one-line loop).
/// The first loop to get hot waits this much longer, by the same rule as `WARMUP`.
pub const SETUP: std::time::Duration = std::time::Duration::from_micros(1500);

/// Thresholds up to this compile synchronously (see `install_with`).
pub const SYNC_THRESHOLD: u32 = 50;

/// A recording on its way to the compiler.
struct Job {
    id: u64,
    trace: Trace,
    entry_sp: i32,
    /// Produce the optimised IR text (log, tests).
    text: bool,
    /// Allocation sinking: the instance layout (`OptConfig::sink`).
    sink: Option<crate::opt::sink::SinkLayout>,
}

/// What the compiler made of a `Job`.
struct Done {
    id: u64,
    result: Result<(Trace, SendBox<CompiledTrace>), Abort>,
    ir_before: usize,
    no_peel: Option<crate::opt::NoPeel>,
    ir_text: Option<String>,
    clif: Option<String>,
    opt: std::time::Duration,
    total: std::time::Duration,
}

/// Moves a value to or from the compile thread.
struct SendBox<T>(T);

// SAFETY: a `Job` is plain data (IR; object addresses in it are only numbers to the compiler, the objects
// stay on the interpreter's thread); a `CompiledTrace` owns its code memory and tables outright, with no
// thread-local or shared state, so moving it to the interpreter's thread is moving ownership.
unsafe impl<T> Send for SendBox<T> {}

/// Optimise and compile (on the compile thread, or inline in synchronous mode).
fn compile_job(be: &mut Backend, job: Job) -> Done {
    let t0 = Instant::now();
    let mut trace = job.trace;
    let ir_before = trace.insts.len();
    // The passes rebuild the trace; this flag is not part of the IR.
    let inherits = trace.inherits;
    let mut done = Done {
        id: job.id,
        result: Err(Abort::TooLong),
        ir_before,
        no_peel: None,
        ir_text: None,
        clif: None,
        opt: Default::default(),
        total: Default::default(),
    };
    let cfg = OptConfig {
        sink: job.sink,
        ..OptConfig::default()
    };
    let report = match optimize(&mut trace, &cfg) {
        Ok(r) => r,
        Err(e) => {
            done.result = Err(Abort::Compile { msg: e.to_string() });
            return done;
        }
    };
    done.no_peel = report.no_peel;
    // Above the entry stack top the slots hold Undef (the interpreter's invariant, which every exit
    // keeps): exits need not release what they overwrite there.
    trace.undef_from = Some(job.entry_sp as u32);
    trace.inherits = inherits;
    if job.text {
        done.ir_text = Some(print_trace(&trace));
    }
    done.opt = t0.elapsed();
    match be.compile(&trace) {
        Ok(mut ct) => {
            done.clif = ct.clif.take();
            done.result = Ok((trace, SendBox(ct)));
        }
        Err(e) => done.result = Err(Abort::Compile { msg: e.to_string() }),
    }
    done.total = t0.elapsed();
    done
}

/// Where recordings are compiled.
enum Compiler {
    /// Right away, on the interpreter's thread.
    Sync(Box<Backend>),
    /// On a compile thread (started with the first job).
    Thread {
        jobs: std::sync::mpsc::Sender<SendBox<Job>>,
        done: std::sync::mpsc::Receiver<SendBox<Done>>,
    },
    /// On a compile thread, not started yet.
    Lazy(BackendConfig),
    /// Not at all (the compile thread could not start).
    None,
}

impl Compiler {
    fn spawn(cfg: BackendConfig) -> Compiler {
        let (jobs, job_rx) = std::sync::mpsc::channel::<SendBox<Job>>();
        let (done_tx, done) = std::sync::mpsc::channel::<SendBox<Done>>();
        let spawned = std::thread::Builder::new()
            .name("pvm-jit".into())
            .stack_size(16 << 20)
            .spawn(move || {
                // The compile thread keeps the default priority: at `nice 19` it got ~1% of a core
                // whenever other processes were busy, and a 1 ms compile took 0.7 s of wall time while
                // the loop ran interpreted (nbody on a loaded machine). Compiles are short; a free core
                // takes them, and on a full machine they cost the interpreter less than slow code does.
                let Ok(mut be) = Backend::with_config(&helper_specs(), cfg) else {
                    return;
                };
                while let Ok(job) = job_rx.recv() {
                    if done_tx.send(SendBox(compile_job(&mut be, job.0))).is_err() {
                        return;
                    }
                }
            });
        match spawned {
            Ok(_) => Compiler::Thread { jobs, done },
            Err(_) => Compiler::None,
        }
    }
}

/// What the driver keeps of a recording while it is compiled.
struct PendingTrace {
    start: Start,
    code: Rc<Code>,
    start_pc: u32,
    inlines: Vec<InlineInfo>,
    keep: Vec<Value>,
    nbc: usize,
    stack_need: usize,
    close_code: Rc<Code>,
    close_pc: u32,
    /// The final exit hands over to the trace at its header (`Recorder::close_handover`).
    handover: bool,
}

/// Where the JIT log goes.
enum Sink {
    Stderr,
    Buffer(Rc<RefCell<String>>),
}

/// What the driver knows about a loop header.
enum LoopState {
    /// Compiled: the root trace's index.
    Trace(usize),
    /// Recorded; the compile thread is working on it.
    Compiling,
    /// Hot, warming up since then (see `WARMUP`).
    Warming(Instant),
    /// Recordings aborted this many times.
    Aborted(u32),
    /// Given up.
    Blacklisted,
}

#[derive(Clone, Copy, Default)]
struct ExitMeta {
    attempts: u8,
    dead: bool,
    side: Option<usize>,
    /// A side trace for this exit is being compiled.
    compiling: bool,
}

/// A compiled trace and what its exits need.
struct TraceRec {
    ct: CompiledTrace,
    /// The optimised IR (exits refer to its snapshots).
    trace: Trace,
    inlines: Vec<InlineInfo>,
    /// Constants and guarded dicts, kept alive while the code may run.
    _keep: Vec<Value>,
    /// The root frame's code.
    code: Rc<Code>,
    /// Root trace of this trace's tree.
    root: usize,
    exits: Vec<ExitMeta>,
    sides: usize,
    stat: usize,
    /// Ticks (`clock::ticks`) spent in runs entered at this trace.
    native: u64,
    /// Its final exit hands over to the trace of the loop header it resumes at (see `enter`).
    handover: bool,
}

/// The JIT driver (see the module docs).
pub struct Driver {
    compiler: Compiler,
    /// Recordings handed to the compile thread, by job id.
    pending: HashMap<u64, PendingTrace>,
    /// Number of the current (or last) recording; the compile job for it has the same number.
    next_job: u64,
    rt: Box<Runtime>,
    /// Built at the first recording: a script without a hot loop never pays for it.
    known: Option<Rc<KnownTable>>,
    traces: Vec<TraceRec>,
    loops: HashMap<(usize, u32), LoopState>,
    /// Retraces done per loop.
    retraces: HashMap<(usize, u32), u32>,
    /// Loops whose trace should be replaced by a new recording.
    retrace: HashMap<(usize, u32), Retrace>,
    /// Recordings of a loop that ended because the loop did.
    loop_exits: HashMap<(usize, u32), u32>,
    rec: Option<Recorder>,
    sink: Option<Sink>,
    capture: Option<Rc<RefCell<Capture>>>,
    stats: Stats,
    /// Slots above a trace's base that any trace may touch (for `ensure_stack`).
    stack_need: usize,
    hotexit: u32,
    /// Namespace dicts (by address) that recordings read as Cells from the start, because a recording
    /// stored into one it had read as constants (`Abort::GlobalStore`; see record/globals.rs).
    cells: std::collections::HashSet<usize>,
    /// `WARMUP`, or zero where recordings start at the threshold (synchronous compiles).
    warmup: std::time::Duration,
    /// Converts the tick counts of timed trace runs to time.
    rate: TickRate,
    /// The trace and exit the last run left through.
    last_exit: Option<(usize, ExitId)>,
    /// Loop headers where recordings end with a hand-over (`Recorder::close_handover`), because one
    /// that went past got too long.
    handover_at: std::collections::HashSet<(usize, u32)>,
    /// Call sites seen calling several functions of one code object (`note_poly_call`).
    poly_calls: std::collections::HashSet<(usize, u32)>,
    /// Loop headers (back-edge targets) per code object (kept alive: the key is its address).
    headers: HashMap<usize, (Rc<Code>, Vec<u32>)>,
}

/// How a recording step ended.
enum Flow {
    Continue,
    Done,
}

/// `on_hot_loop`'s answer when an exit popped or pushed frames: continue in the top frame (the
/// interpreter re-reads its saved pc and sp).
pub const RESUME_TOP: usize = usize::MAX;

/// A snapshot's frame data: (stack top relative to the base, frames popped, inlined calls).
fn snap_frames(f: &[u32]) -> (i32, u32, &[u32]) {
    (
        f.first().map_or(0, |&s| s as i32),
        f.get(1).copied().unwrap_or(0),
        f.get(2..).unwrap_or(&[]),
    )
}

fn code_key(code: &Rc<Code>, pc: u32) -> (usize, u32) {
    (Rc::as_ptr(code) as *const u8 as usize, pc)
}

impl Driver {
    fn known_table(&mut self, vm: &mut Vm) -> Rc<KnownTable> {
        let scratch = self.rt.scratch.as_ptr() as u64;
        self.known
            .get_or_insert_with(|| {
                let mut k = KnownTable::new(vm);
                // `rt` is boxed and lives as long as the driver, like the traces that use it.
                k.scratch = scratch;
                Rc::new(k)
            })
            .clone()
    }

    fn logging(&self) -> bool {
        self.sink.is_some()
    }

    fn log(&self, text: &str) {
        match &self.sink {
            Some(Sink::Stderr) => {
                let _ = std::io::stderr().write_all(text.as_bytes());
            }
            Some(Sink::Buffer(b)) => b.borrow_mut().push_str(text),
            None => {}
        }
    }

    // ---- 1. counting ----------------------------------------------------------------------------------

    fn start_root(&mut self, vm: &mut Vm, code: &Rc<Code>, pc: usize) {
        self.stats.recordings.0 += 1;
        self.next_job += 1;
        if self.logging() {
            self.log(&format!(
                "---- RECORDING {} start {}:{} (pc {pc})\n",
                self.next_job,
                code.name,
                code.line_of(pc)
            ));
        }
        let known = self.known_table(vm);
        let mut rec = Recorder::new_root(vm, code.clone(), pc, known, self.logging());
        for &d in &self.cells {
            rec.mark_cells(d);
        }
        rec.poly_calls.clone_from(&self.poly_calls);
        self.rec = Some(rec);
        vm.recording = true;
    }

    // ---- 2. recording ---------------------------------------------------------------------------------

    fn step(
        &mut self,
        vm: &mut Vm,
        rec: &mut Recorder,
        code: &Rc<Code>,
        pc: usize,
    ) -> Result<Flow, Abort> {
        rec.sync(vm, code, pc)?;
        if rec.at_root_level()
            && rec.nbc > 0
            && rec.start == Start::Root
            && pc as u32 == rec.start_pc
        {
            rec.close_loop(vm)?;
            return Ok(Flow::Done);
        }
        if rec.nbc > 0 && rec.yields_own_frame(vm, code, pc) {
            // A side trace got to a `yield` of the generator frame it runs in: it ends there, and the
            // interpreter suspends the frame (`record/generators.rs`).
            rec.close_handover(vm, pc as u32)?;
            return Ok(Flow::Done);
        }
        if rec.nbc > 0 && rec.can_link_here() {
            if let Some(LoopState::Trace(_)) = self.loops.get(&code_key(code, pc as u32)) {
                rec.close_exit(vm, pc as u32)?;
                return Ok(Flow::Done);
            }
        } else if rec.nbc > 0 && rec.can_hand_over() {
            // A loop header in a frame the trace cannot link from (an inlined call, a caller it
            // returned into). Recordings run through such loops (unrolling them, or linking back once
            // they are in the right frame again); where one of them got too long, later ones hand over
            // instead: to the loop's trace, or to the interpreter, which then counts the loop.
            let key = code_key(code, pc as u32);
            let header = match self.loops.get(&key) {
                Some(LoopState::Trace(_)) => true,
                Some(LoopState::Blacklisted) => false,
                _ => self.is_header(code, pc as u32),
            };
            if header {
                if self.handover_at.contains(&key) {
                    rec.close_handover(vm, pc as u32)?;
                    return Ok(Flow::Done);
                }
                rec.passed_headers.push(key);
            }
        }
        rec.record(vm, code, pc)?;
        Ok(Flow::Continue)
    }

    // ---- 3. compiling ---------------------------------------------------------------------------------

    /// Hand a finished recording to the compiler: directly (synchronous mode), or to the compile thread,
    /// in which case the interpreter keeps running the loop until `poll` installs the result.
    /// `close_code`/`close_pc`: where the trace ends (its own header for a loop, another trace's header
    /// for a linked exit).
    fn submit(&mut self, rec: Recorder, close_code: &Rc<Code>, close_pc: u32) {
        let Recorder {
            em,
            start,
            code,
            start_pc,
            inlines,
            keep,
            nbc,
            listing,
            stack_need,
            entry_sp,
            handover,
            ..
        } = rec;
        let trace = em.finish();
        let id = self.next_job;
        if self.logging() {
            let mut s = format!("---- RECORDING {id} bytecode\n");
            for l in listing.iter().flatten() {
                s.push_str(l);
                s.push('\n');
            }
            s.push_str(&format!(
                "---- RECORDING {id} IR (recorded)\n{}",
                print_trace(&trace)
            ));
            self.log(&s);
        }
        let job = Job {
            id,
            trace,
            entry_sp,
            text: self.logging() || self.capture.is_some(),
            sink: self
                .known
                .as_ref()
                .and_then(|k| k.layout)
                .filter(|_| std::env::var_os("PVM_JIT_NOSINK").is_none())
                .map(|l| crate::opt::sink::SinkLayout {
                    inst_slots: l.inst_slots,
                    inst_cls: l.inst_cls,
                    inst_shape: l.inst_shape,
                    kind_off: crate::runtime::RC_VALUE_OFFSET as i32,
                    inst_tag: l.inst_tag,
                }),
        };
        let pend = PendingTrace {
            start,
            code,
            start_pc,
            inlines,
            keep,
            nbc,
            stack_need,
            close_code: close_code.clone(),
            close_pc,
            handover,
        };
        match &mut self.compiler {
            Compiler::Sync(be) => {
                let done = compile_job(be, job);
                self.install(pend, done);
            }
            Compiler::Thread { .. } => self.submit_job(job, pend),
            Compiler::Lazy(cfg) => {
                self.compiler = Compiler::spawn(cfg.clone());
                if let Compiler::Thread { .. } = self.compiler {
                    self.submit_job(job, pend);
                }
            }
            Compiler::None => {}
        }
    }

    /// Send a job to the compile thread and note that it is in flight.
    fn submit_job(&mut self, job: Job, pend: PendingTrace) {
        let Compiler::Thread { jobs, .. } = &self.compiler else {
            return;
        };
        let id = job.id;
        if jobs.send(SendBox(job)).is_err() {
            // The compile thread is gone (it could not set up Cranelift): give up compiling.
            self.compiler = Compiler::None;
            return;
        }
        match pend.start {
            Start::Root => {
                let key = code_key(&pend.code, pend.start_pc);
                if let Some(LoopState::Trace(_)) = self.loops.get(&key) {
                    // A retrace: the old trace keeps running until the new one is installed.
                    self.retrace.insert(key, Retrace::Compiling);
                } else {
                    self.loops.insert(key, LoopState::Compiling);
                }
            }
            Start::Side { parent, exit } => {
                self.traces[parent].exits[exit as usize].compiling = true
            }
        }
        self.pending.insert(id, pend);
    }

    /// Install the traces the compile thread has finished.
    fn poll(&mut self) {
        loop {
            let done = match &self.compiler {
                Compiler::Thread { done, .. } => match done.try_recv() {
                    Ok(d) => d.0,
                    Err(_) => return,
                },
                Compiler::Sync(_) | Compiler::Lazy(_) | Compiler::None => return,
            };
            if let Some(pend) = self.pending.remove(&done.id) {
                if let Start::Side { parent, exit } = pend.start {
                    self.traces[parent].exits[exit as usize].compiling = false;
                }
                self.install(pend, done);
            }
        }
    }

    /// Install a compiled trace: record it, link it, make its loop use it (or count a failure).
    fn install(&mut self, pend: PendingTrace, done: Done) {
        let PendingTrace {
            start,
            code,
            start_pc,
            inlines,
            keep,
            nbc,
            stack_need,
            close_code,
            close_pc,
            handover,
        } = pend;
        let id = self.traces.len();
        if self.logging() {
            let mut s = String::new();
            if let Some(t) = &done.ir_text {
                s.push_str(&format!(
                    "---- TRACE {id} (recording {}) IR (optimised)\n{t}",
                    done.id
                ));
            }
            if let Some(t) = &done.clif {
                s.push_str(&format!("---- TRACE {id} Cranelift IR\n{t}"));
            }
            self.log(&s);
        }
        let (trace, ct) = match done.result {
            Ok((trace, ct)) => (trace, ct.0),
            Err(why) => {
                if let Start::Root = start {
                    // Not compiled: count it like an aborted recording.
                    let key = code_key(&code, start_pc);
                    if let Some(LoopState::Compiling) = self.loops.get(&key) {
                        self.loops.remove(&key);
                    }
                }
                self.abort(start, &code, start_pc, why, &code, start_pc as usize);
                return;
            }
        };
        let own = start == Start::Root && close_pc == start_pc && Rc::ptr_eq(&close_code, &code);
        let target = match self.loops.get(&code_key(&close_code, close_pc)) {
            Some(LoopState::Trace(t)) if !own && !handover => Some(*t),
            _ => None,
        };
        if let Start::Side { parent, exit } = start {
            if self.traces[parent].exits[exit as usize].side.is_some() {
                return;
            }
        }
        let (root, kind) = match start {
            Start::Root => (id, "root".to_string()),
            Start::Side { parent, exit } => (
                self.traces[parent].root,
                format!("side of {parent}/exit {exit}"),
            ),
        };
        // A side trace for a changed type in its root's first iteration that would link straight back
        // into that root: the root is recorded again for the new types; meanwhile this side trace returns
        // to the interpreter at the header (which then records the new root) instead of cycling.
        let retrace = match start {
            Start::Side { parent, exit } => self.retrace_if_type_changed(parent, ExitId(exit)),
            Start::Root => false,
        };
        let target = target.filter(|&t| !(retrace && t == root));
        let peeled = match (target, done.no_peel) {
            _ if handover => format!(
                "=> {}:{}",
                close_code.name,
                close_code.line_of(close_pc as usize)
            ),
            (Some(t), _) => format!("-> trace {t}"),
            (None, None) => "peeled".to_string(),
            (None, Some(why)) => format!("{why:?}"),
        };
        self.stats.traces.push(TraceStat {
            id,
            kind,
            func: code.name.to_string(),
            line: code.line_of(start_pc as usize),
            pc: start_pc,
            bytecodes: nbc,
            ir_before: done.ir_before,
            ir_after: trace.insts.len(),
            peeled,
            code_size: ct.code_size,
            compile_time: done.total,
            opt_time: done.opt,
            exits: ct.exit_count(),
            entries: 0,
        });
        if let (Some(c), Some(t)) = (&self.capture, &done.ir_text) {
            c.borrow_mut()
                .traces
                .push((code.name.to_string(), t.clone()));
        }
        self.stack_need = self.stack_need.max(stack_need + 1);
        let exits = vec![ExitMeta::default(); ct.exit_count()];
        self.traces.push(TraceRec {
            ct,
            trace,
            inlines,
            _keep: keep,
            code: code.clone(),
            root,
            exits,
            sides: 0,
            stat: self.stats.traces.len() - 1,
            native: 0,
            handover,
        });
        if let Some(t) = target {
            // The final `exit` is the last exit in buffer order.
            let n = self.traces[id].ct.exit_count();
            if n > 0 {
                let e = ExitId(n as u32 - 1);
                // SAFETY: traces are never freed while the driver lives, so the target outlives the link;
                // the target starts at the header this exit resumes at, in the same frame (same base), and
                // guards whatever it assumes about the slots.
                unsafe { self.traces[id].ct.link(e, &self.traces[t].ct) };
            }
        }
        match start {
            Start::Root => {
                let key = code_key(&code, start_pc);
                self.loops.insert(key, LoopState::Trace(id));
                self.retrace.remove(&key);
            }
            Start::Side { parent, exit } => {
                // SAFETY: as above; the side trace was recorded from exactly the state this exit leaves.
                unsafe {
                    self.traces[parent]
                        .ct
                        .link(ExitId(exit), &self.traces[id].ct)
                };
                self.traces[parent].exits[exit as usize].side = Some(id);
                self.traces[root].sides += 1;
            }
        }
    }

    // ---- 4/5. running and exits -------------------------------------------------------------------------

    fn enter(&mut self, vm: &mut Vm, tid: usize, base: usize) -> Option<usize> {
        let mut pc = self.run(vm, tid, base)?;
        // Hand-overs (`Recorder::close_handover`): the trace ended at a loop header in a frame it could
        // not link from, which the exit has just rebuilt: go on with that loop's trace.
        while let Some((t, b)) = self.handover_next(vm) {
            pc = RESUME_TOP;
            if self.run(vm, t, b).is_none() {
                break;
            }
        }
        Some(pc)
    }

    /// Is `pc` the target of a back edge in `code`?
    fn is_header(&mut self, code: &Rc<Code>, pc: u32) -> bool {
        let (_, heads) = self
            .headers
            .entry(Rc::as_ptr(code) as *const u8 as usize)
            .or_insert_with(|| {
                let heads = code
                    .instrs
                    .iter()
                    .filter(|i| i.op() == pvm_interp::bytecode::Op::JumpBackward)
                    .map(|i| i.arg())
                    .collect();
                (code.clone(), heads)
            });
        heads.contains(&pc)
    }

    /// After a run that ended at a hand-over exit (`Recorder::close_handover`): the trace to enter next
    /// and its base. The top frame is at a loop header, in the state a back edge to it would leave:
    /// enter the loop's trace, or, without one, count the header like a back edge (which may start a
    /// root recording there).
    fn handover_next(&mut self, vm: &mut Vm) -> Option<(usize, usize)> {
        let (t, e) = self.last_exit?;
        let tr = &self.traces[t];
        if !tr.handover
            || e.0 as usize + 1 != tr.ct.exit_count()
            || self.rec.is_some()
            || vm.recording
        {
            return None;
        }
        let f = vm.frames.last()?;
        let (code, pc, base) = (f.code.clone(), f.pc, f.base);
        if !self.is_header(&code, pc as u32) {
            // A side trace that ended at a generator's `yield`: the interpreter goes on.
            return None;
        }
        if !matches!(
            self.loops.get(&code_key(&code, pc as u32)),
            Some(LoopState::Trace(_))
        ) {
            let c = code.counters.get(pc)?;
            let n = c.get() + 1;
            c.set(n);
            if n < vm.opts.jit_threshold {
                return None;
            }
        }
        let next = self.at_header(vm, &code, pc)?;
        Some((next, base))
    }

    /// Run trace `tid` on the frame at `base` and restore the interpreter state of the exit it left
    /// through; returns the resume pc (see `restore`), or None if it was not entered.
    fn run(&mut self, vm: &mut Vm, tid: usize, base: usize) -> Option<usize> {
        self.last_exit = None;
        // An exit may rebuild inlined frames: leave room under the recursion limit.
        if vm.frames.len() + MAX_INLINE_DEPTH + 1 >= vm.recursion_limit {
            return None;
        }
        vm.ensure_stack(base + self.stack_need);
        let stat = self.traces[tid].stat;
        self.stats.traces[stat].entries += 1;
        // SAFETY: `base + stack_need <= vm.stack.len()` (just ensured), and every slot a trace tree
        // touches is below `base + stack_need`. Nothing else uses `vm.stack` while the trace runs: helpers
        // never touch the interpreter (they get the `Runtime` as ctx), so the slot pointer stays valid.
        let slots = unsafe { vm.stack.as_mut_ptr().add(base) } as *mut RawValue;
        self.rt.vm = vm as *mut Vm;
        let ctx = &mut *self.rt as *mut Runtime as *mut u8;
        let t0 = ticks();
        // SAFETY: the trace was compiled for frames of this code at this header with the helpers of
        // `helper_specs`, whose ctx is a `Runtime`; `slots` covers its slots (above).
        let g = unsafe { self.traces[tid].ct.run(slots, ctx) };
        let spent = ticks().wrapping_sub(t0);
        self.stats.native_ticks += spent;
        self.traces[tid].native += spent;
        self.rt.vm = std::ptr::null_mut();
        // The exit has written its snapshot (taking its own references): nothing needs the nursery now.
        self.rt.nursery.clear();
        let (xt, e) = self.find_exit(g);
        let pc = self.restore(vm, xt, e, base);
        if std::mem::take(&mut self.rt.full) {
            // A routine exit to empty the nursery: not a failing guard.
            self.traces[xt].ct.reset_exit_counter(e);
        } else {
            self.exit_taken(vm, xt, e, base);
        }
        if self.traces[xt].exits[e.0 as usize].dead {
            self.check_short_runs(tid);
        }
        self.last_exit = Some((xt, e));
        Some(pc)
    }

    /// A loop whose trace, entered from the interpreter, only ever runs a moment (a loop of two or three
    /// iterations per run, that then leaves through an exit the interpreter has to handle) costs more in
    /// entering and leaving than it saves: stop entering it. Only checked when the run just ended at an
    /// exit that will not get a side trace (one that will may well make the runs long).
    fn check_short_runs(&mut self, t: usize) {
        let stat = self.traces[t].stat;
        let entries = self.stats.traces[stat].entries;
        if entries % SHORT_RUN_CHECK != 0 || self.traces[t].root != t {
            return;
        }
        let avg = self.rate.duration(self.traces[t].native / entries);
        if avg >= SHORT_RUN {
            return;
        }
        let (func, line, pc) = {
            let s = &self.stats.traces[stat];
            (s.func.clone(), s.line, s.pc)
        };
        let key = code_key(&self.traces[t].code, pc);
        if matches!(self.loops.get(&key), Some(LoopState::Trace(x)) if *x == t) {
            self.loops.insert(key, LoopState::Blacklisted);
            self.stats
                .blacklisted
                .push((format!("{func} (runs of {avg:?} on average)"), line));
            if self.logging() {
                self.log(&format!(
                    "---- TRACE {t} not entered any more: {avg:?} per entry\n"
                ));
            }
        }
    }

    /// The trace and local exit of a global exit id.
    fn find_exit(&self, g: u32) -> (usize, ExitId) {
        // Exit bases increase with the trace index.
        let i = self.traces.partition_point(|t| t.ct.exit_base() <= g);
        for t in (0..i).rev() {
            if let Some(e) = self.traces[t].ct.local_exit(g) {
                return (t, e);
            }
        }
        panic!("pvm JIT: trace returned unknown exit id {g}");
    }

    /// Rebuild the interpreter state of exit `e` of trace `t` (slots are already written): pop the frames
    /// the trace returned from, push the inlined calls, set the top frame's pc and sp. Returns the pc at
    /// which the frame that entered the trace resumes, or `RESUME_TOP` if the frame stack changed.
    fn restore(&mut self, vm: &mut Vm, t: usize, e: ExitId, base: usize) -> usize {
        let tr = &self.traces[t];
        let snap = tr.ct.exit_info(e).map(|i| &tr.trace.snaps[i.snap.index()]);
        let Some(snap) = snap else {
            panic!("pvm JIT: exit without snapshot");
        };
        let (sp, popped, ids) = snap_frames(&snap.frames);
        let at = |rel: i32| (base as i64 + rel as i64) as usize;
        for _ in 0..popped {
            vm.frames.pop();
        }
        for &id in ids {
            let info = &tr.inlines[id as usize];
            if let Some(f) = vm.frames.last_mut() {
                f.pc = info.caller_pc as usize;
                f.sp = at(info.caller_sp);
            }
            // Under a code guard the function is the callable left in the result slot.
            let func = match (info.func_in_ret, vm.stack.get(at(info.ret_slot))) {
                (true, Some(Value::Obj(o))) => o.clone(),
                _ => info.func.clone(),
            };
            let mut frame = Frame {
                code: info.code.clone(),
                func: Some(func),
                globals: info.globals.clone(),
                locals: None,
                pc: 0,
                base: at(info.base),
                sp: 0,
                ret_slot: at(info.ret_slot),
                gen: None,
            };
            if info.gen {
                // A generator the trace resumed: the snapshot left it in the result slot.
                let r = at(info.ret_slot);
                if let Value::Obj(g) = std::mem::replace(&mut vm.stack[r], Value::Undef) {
                    if let Some((code, func, globals)) = crate::generators::restore_frame(&g) {
                        (frame.code, frame.func, frame.globals) = (code, func, globals);
                    }
                    frame.gen = Some(g);
                }
            }
            vm.frames.push(frame);
        }
        if let Some(f) = vm.frames.last_mut() {
            f.pc = snap.pc as usize;
            f.sp = at(sp);
        }
        if popped > 0 || !ids.is_empty() {
            RESUME_TOP
        } else {
            snap.pc as usize
        }
    }

    /// The interpreter is at loop header `pc` of the top frame, and the loop is hot: the trace to enter
    /// there, if any. Otherwise this may start a root recording (or the loop keeps warming up, or is
    /// blacklisted), and the interpreter goes on.
    fn at_header(&mut self, vm: &mut Vm, code: &Rc<Code>, pc: usize) -> Option<usize> {
        match self.loops.get(&code_key(code, pc as u32)) {
            Some(LoopState::Compiling) => {
                // Keep interpreting; look again after another `threshold` iterations.
                if let Some(c) = code.counters.get(pc) {
                    c.set(0);
                }
                None
            }
            Some(LoopState::Trace(t)) => {
                let t = *t;
                match self.retrace.get(&code_key(code, pc as u32)) {
                    Some(Retrace::Wanted) => {
                        self.start_root(vm, code, pc);
                        return None;
                    }
                    Some(Retrace::Compiling) => {
                        // The old trace's entry no longer fits the loop's types: entering it would
                        // only exit again at once, on every iteration. Interpret until the new one
                        // is installed, looking again after another `threshold` iterations.
                        if let Some(c) = code.counters.get(pc) {
                            c.set(0);
                        }
                        return None;
                    }
                    None => {}
                }
                Some(t)
            }
            Some(LoopState::Blacklisted) => {
                if let Some(c) = code.counters.get(pc) {
                    c.set(0);
                }
                None
            }
            None if !self.warmup.is_zero() => {
                self.loops.insert(
                    code_key(code, pc as u32),
                    LoopState::Warming(Instant::now()),
                );
                if let Some(c) = code.counters.get(pc) {
                    c.set(0);
                }
                None
            }
            Some(LoopState::Warming(since)) if since.elapsed() < self.warmup_now() => {
                // Look again after another `threshold` iterations.
                if let Some(c) = code.counters.get(pc) {
                    c.set(0);
                }
                None
            }
            Some(LoopState::Warming(_) | LoopState::Aborted(_)) | None => {
                self.start_root(vm, code, pc);
                None
            }
        }
    }

    /// How long a hot loop warms up before it is recorded (`WARMUP`, plus `SETUP` while no compile has
    /// set the backend up yet).
    fn warmup_now(&self) -> std::time::Duration {
        if matches!(self.compiler, Compiler::Lazy(_)) {
            self.warmup + SETUP
        } else {
            self.warmup
        }
    }

    // ---- 6. hot exits -----------------------------------------------------------------------------------

    fn exit_taken(&mut self, vm: &mut Vm, t: usize, e: ExitId, base: usize) {
        if self.rec.is_some() || vm.recording {
            return;
        }
        let tr = &self.traces[t];
        if tr.handover && e.0 as usize + 1 == tr.ct.exit_count() {
            // Not a failing guard: the run goes on in the next loop's trace (or, if that one cannot
            // be entered now, in the interpreter at its header).
            return;
        }
        let meta = tr.exits[e.0 as usize];
        if meta.dead {
            self.maybe_retrace(t, e);
            return;
        }
        if meta.side.is_some() || meta.compiling || tr.ct.exit_counter(e) < self.hotexit {
            return;
        }
        if self.traces[tr.root].sides >= MAX_SIDES {
            self.traces[t].exits[e.0 as usize].dead = true;
            return;
        }
        self.note_poly_call(vm, t, e);
        let tr = &self.traces[t];
        let Some(info) = tr.ct.exit_info(e) else {
            return;
        };
        let snap = &tr.trace.snaps[info.snap.index()];
        let (_, popped, ids) = snap_frames(&snap.frames);
        let inlines: Vec<InlineInfo> = ids
            .iter()
            .map(|&id| tr.inlines[id as usize].clone())
            .collect();
        let pc = snap.pc;
        let code = tr.code.clone();
        // The side trace takes the exit's values over from its buffer when it can (see
        // `Trace::inherits`); the memory it starts from is then this trace's entry state.
        let inherit = match (tr.ct.inheritance(e), tr.trace.undef_from) {
            (Some((buf, values)), Some(sp)) if INHERIT => Some(Inheritance {
                buf,
                values,
                entry_sp: sp as i32,
            }),
            _ => None,
        };
        self.stats.recordings.1 += 1;
        self.next_job += 1;
        if self.logging() {
            self.log(&format!(
                "---- RECORDING {} start: side trace of trace {t} exit {} (pc {pc})\n",
                self.next_job, e.0
            ));
        }
        let known = self.known_table(vm);
        let mut rec = Recorder::new_side(
            vm,
            code,
            t,
            e.0,
            pc,
            base,
            popped,
            inlines,
            inherit,
            known,
            self.logging(),
        );
        for &d in &self.cells {
            rec.mark_cells(d);
        }
        rec.poly_calls.clone_from(&self.poly_calls);
        self.rec = Some(rec);
        vm.recording = true;
    }

    /// Exit `e` of trace `t` (its state already restored) failed a callee identity guard at a call whose
    /// callable is now another function of the same code: note the call site, so that recordings inline
    /// calls there under a code guard (`record/calls.rs`). Without this, a loop calling many closures of
    /// one `def` or `lambda` grows one side trace per function, each entered through a chain of failing
    /// identity guards.
    fn note_poly_call(&mut self, vm: &Vm, t: usize, e: ExitId) {
        let tr = &self.traces[t];
        let Some(info) = tr.ct.exit_info(e) else {
            return;
        };
        let inst = &tr.trace.insts[info.inst as usize];
        if inst.op != Op::GuardEq {
            return;
        }
        let Some(crate::ir::Const::Obj(p)) = tr.trace.const_of(IrRef::from_raw(inst.f[1])) else {
            return;
        };
        let Some(top) = vm.frames.last() else {
            return;
        };
        let Some(ins) = top.code.instrs.get(top.pc) else {
            return;
        };
        let n = ins.arg() as usize;
        let at = match ins.op() {
            BcOp::Call => top.sp.checked_sub(n + 1),
            BcOp::CallMethod => top.sp.checked_sub(n + 2).map(|i| {
                if matches!(vm.stack.get(i), Some(Value::Undef)) {
                    i + 1
                } else {
                    i
                }
            }),
            _ => None,
        };
        let Some(Object::Function(now)) = at.and_then(|i| vm.stack.get(i)).and_then(|v| v.as_obj())
        else {
            return;
        };
        let was = tr
            ._keep
            .iter()
            .find(|v| crate::runtime::obj_bits(v) == p)
            .and_then(|v| v.as_obj());
        if let Some(Object::Function(was)) = was {
            if Rc::ptr_eq(&was.code, &now.code)
                && self
                    .poly_calls
                    .insert((Rc::as_ptr(&top.code) as *const u8 as usize, top.pc as u32))
            {
                // The root trace's own identity guard fails as often: record it again.
                let root = tr.root;
                self.request_retrace(root, "a call site calls several functions of one code");
            }
        }
    }

    /// Is exit `e` of trace `t` a type check in the first iteration of a root trace (an `sload` tag guard,
    /// an element's `guard_tag`, a typed element helper)?
    fn is_entry_type_check(&self, t: usize, e: ExitId) -> bool {
        let tr = &self.traces[t];
        let Some(info) = tr.ct.exit_info(e) else {
            return false;
        };
        let inst = &tr.trace.insts[info.inst as usize];
        let type_check = match inst.op {
            Op::Sload | Op::GuardTag => true,
            Op::CallGuard => tr
                .trace
                .helpers
                .get(inst.f[0] as usize)
                .is_some_and(|h| h.starts_with("iter_next.") || h.starts_with("getitem.")),
            _ => false,
        };
        // (`loop_pos` scans the trace: only for the exits that can be type checks, since a dead exit
        // taken on every entry comes here every time.)
        tr.root == t && type_check && (info.inst as usize) < tr.trace.loop_pos().unwrap_or(0)
    }

    /// Ask for root trace `t`'s loop to be recorded again (at most `MAX_RETRACES` times per loop): the
    /// next time the interpreter gets to the header it records instead of entering `t`, which keeps
    /// running meanwhile and stays if the new recording fails. Answers whether a retrace is now wanted.
    fn request_retrace(&mut self, t: usize, why: &str) -> bool {
        let tr = &self.traces[t];
        let stat = &self.stats.traces[tr.stat];
        let key = code_key(&tr.code, stat.pc);
        if !matches!(self.loops.get(&key), Some(LoopState::Trace(x)) if *x == t)
            || self.retrace.contains_key(&key)
        {
            return false;
        }
        let n = self.retraces.entry(key).or_insert(0);
        if *n >= MAX_RETRACES {
            return false;
        }
        *n += 1;
        self.retrace.insert(key, Retrace::Wanted);
        if self.logging() {
            self.log(&format!("---- TRACE {t} will be recorded again: {why}\n"));
        }
        true
    }

    /// A side trace for a type check in a root trace's first iteration (a slot's type changed, an int
    /// became a bigint or a float, a loop over ints now runs over floats) makes every iteration go root →
    /// exit → side trace → root. A root trace recorded with the new types is a real loop instead: ask for
    /// a retrace and answer true (the side trace then does not link back into the old root).
    fn retrace_if_type_changed(&mut self, t: usize, e: ExitId) -> bool {
        self.is_entry_type_check(t, e)
            && self.request_retrace(t, "a type changed in its first iteration")
    }

    /// A root trace whose first iteration keeps failing a type check that cannot get a side trace is
    /// worth recording again for the types the loop now has.
    fn maybe_retrace(&mut self, t: usize, e: ExitId) {
        if !self.is_entry_type_check(t, e) {
            return;
        }
        let tr = &self.traces[t];
        let count = tr.ct.exit_counter(e) as u64;
        if count < 1000 || count * 10 < self.stats.traces[tr.stat].entries * 9 {
            return;
        }
        self.request_retrace(t, "its first iteration keeps failing a type check");
    }

    // ---- 7. aborts --------------------------------------------------------------------------------------

    /// Account for an aborted recording (started as `start` at `start_pc` of `rcode`; it stopped at `pc`
    /// of `code`) and back off or blacklist.
    #[allow(clippy::too_many_arguments)]
    fn abort(
        &mut self,
        start: Start,
        rcode: &Rc<Code>,
        start_pc: u32,
        why: Abort,
        code: &Rc<Code>,
        pc: usize,
    ) {
        let line = code.line_of(pc);
        let msg = why.message();
        let e = self
            .stats
            .aborts
            .entry((why.name().to_string(), code.name.to_string(), line))
            .or_insert((0, msg.clone()));
        e.0 += 1;
        if self.logging() {
            self.log(&format!(
                "---- RECORDING {} abort at {}:{line} (pc {pc}): {msg}\n",
                self.next_job, code.name
            ));
        }
        if let Some(c) = &self.capture {
            c.borrow_mut().aborts.push(msg);
        }
        if let Abort::GlobalStore { .. } = why {
            // Not the loop's fault, and the next recording reads the namespace in place (`cells`):
            // no abort counted; the counter (or exit counter) is still hot, so it records again soon.
            return;
        }
        match start {
            // The loop happened to end during the recorded iteration: not the loop's fault. The counter
            // is still hot, so the next back edge records again.
            Start::Root
                if matches!(
                    self.loops.get(&code_key(rcode, start_pc)),
                    Some(LoopState::Trace(_))
                ) =>
            {
                // A retrace failed: keep the trace the loop has (try again after a few loop exits).
                let key = code_key(rcode, start_pc);
                let exits = self.loop_exits.entry(key).or_insert(0);
                *exits += 1;
                if why != Abort::LoopExit || *exits >= MAX_LOOP_EXITS {
                    self.retrace.remove(&key);
                }
            }
            // The loop happened to end during the recorded iteration: not the loop's fault, and the
            // counter is still hot, so the next back edge records again; but a loop that nearly always
            // ends right away (one iteration per run) counts it as an abort now and then.
            Start::Root
                if why == Abort::LoopExit && {
                    let n = self
                        .loop_exits
                        .entry(code_key(rcode, start_pc))
                        .or_insert(0);
                    *n += 1;
                    !(*n).is_multiple_of(MAX_LOOP_EXITS)
                } => {}
            Start::Root => {
                let key = code_key(rcode, start_pc);
                let n = match self.loops.get(&key) {
                    Some(LoopState::Aborted(n)) => n + 1,
                    _ => 1,
                };
                if n >= MAX_ABORTS {
                    self.loops.insert(key, LoopState::Blacklisted);
                    self.stats
                        .blacklisted
                        .push((rcode.name.to_string(), rcode.line_of(start_pc as usize)));
                } else {
                    self.loops.insert(key, LoopState::Aborted(n));
                }
                // Back off: count the loop up to the threshold again.
                if let Some(c) = rcode.counters.get(start_pc as usize) {
                    c.set(0);
                }
            }
            Start::Side { parent, exit } => {
                // Running into a loop that has no trace *yet* is no reason to give up on this exit: once
                // that loop is compiled, the side trace will end at its header.
                // (A loop that has its trace already could not be linked from here: e.g. the side trace
                // returned into a frame at another base. That counts as a failed attempt.)
                let waiting = matches!(why, Abort::InnerLoop { pc: header }
                    if !matches!(self.loops.get(&code_key(code, header)),
                        Some(LoopState::Blacklisted | LoopState::Trace(_))));
                let tr = &mut self.traces[parent];
                let m = &mut tr.exits[exit as usize];
                m.attempts += u8::from(!waiting);
                if m.attempts >= MAX_SIDE_ATTEMPTS {
                    m.dead = true;
                }
                tr.ct.reset_exit_counter(ExitId(exit));
            }
        }
    }

    fn exit_stats(&self) -> Vec<ExitStat> {
        let mut v = Vec::new();
        for (t, tr) in self.traces.iter().enumerate() {
            for k in 0..tr.ct.exit_count() {
                let e = ExitId(k as u32);
                let Some(info) = tr.ct.exit_info(e) else {
                    continue;
                };
                let snap = &tr.trace.snaps[info.snap.index()];
                let code = match snap_frames(&snap.frames) {
                    (_, _, [.., id]) => tr.inlines[*id as usize].code.clone(),
                    (_, 0, _) => tr.code.clone(),
                    // Resumes in a caller: report against the tree's code.
                    _ => tr.code.clone(),
                };
                let meta = tr.exits[k];
                let fate = match (meta.side, meta.dead) {
                    (Some(s), _) => format!("-> side trace {s}"),
                    (None, true) => "no side trace".to_string(),
                    _ => String::new(),
                };
                let inst = &tr.trace.insts[info.inst as usize];
                v.push(ExitStat {
                    trace: t,
                    exit: k as u32,
                    pc: snap.pc,
                    line: code.line_of(snap.pc as usize),
                    inst: inst.op.name().to_string(),
                    count: tr.ct.exit_counter(e),
                    fate,
                });
            }
        }
        v
    }
}

impl JitHooks for Driver {
    fn on_hot_loop(
        &mut self,
        vm: &mut Vm,
        code: &Rc<Code>,
        pc: usize,
        base: usize,
    ) -> Option<usize> {
        if vm.recording || self.rec.is_some() {
            // A back edge inside the recording: the recorder sees it as an instruction.
            return None;
        }
        self.poll();
        let t = self.at_header(vm, code, pc)?;
        self.enter(vm, t, base)
    }

    fn record_instr(&mut self, vm: &mut Vm, code: &Rc<Code>, pc: usize) {
        let Some(mut rec) = self.rec.take() else {
            vm.recording = false;
            return;
        };
        match self.step(vm, &mut rec, code, pc) {
            Ok(Flow::Continue) => self.rec = Some(rec),
            Ok(Flow::Done) => {
                vm.recording = false;
                self.submit(rec, code, pc as u32);
            }
            Err(why) => {
                vm.recording = false;
                if matches!(why, Abort::TooLong | Abort::LoopInCall) {
                    self.handover_at.extend(rec.passed_headers.iter().copied());
                }
                if let (Abort::GlobalStore { .. }, Some(d)) = (&why, rec.store_conflict()) {
                    // Recordings read that namespace in place from the start from now on.
                    self.cells.insert(d);
                }
                let (rcode, start_pc, start) = (rec.code.clone(), rec.start_pc, rec.start);
                self.abort(start, &rcode, start_pc, why, code, pc);
            }
        }
    }

    fn report(&mut self, out: &mut dyn Write) {
        let mut exits = self.exit_stats();
        self.stats.native = self.rate.duration(self.stats.native_ticks);
        let _ = out.write_all(self.stats.report(&mut exits).as_bytes());
    }
}
