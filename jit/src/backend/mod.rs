//! The Cranelift backend: compile an optimised trace to native code with exact exits.
//!
//! ```text
//! let mut be = Backend::new(&helpers)?;          // host ISA, helpers by name
//! let ct = be.compile(&trace)?;                   // CompiledTrace: entry point, exits, stats
//! let exit = unsafe { ct.run(slots, ctx) };      // global exit id
//! let local = ct.local_exit(exit);               // → this trace's ExitId → snapshot (pc, frames)
//! unsafe { ct.link(local, &side_trace) };        // later: route a hot exit into a side trace
//! ```
//!
//! ## Code memory
//! Each compiled trace owns its own `JITModule` (a "generation" of one trace): dropping the
//! `CompiledTrace` frees its code. This makes invalidation simple (drop the trace) at the cost of at
//! least one page per trace. Anything linked *to* a trace (another trace's exit, the interpreter's loop
//! table) must be unlinked before the trace is dropped; `CompiledTrace::link` is `unsafe` for that reason.
//! Batching several traces into one module is a later optimisation if page overhead shows up.
//!
//! ## Exit counters and side traces
//! The trace counts its own exits: the exit path increments `counters[local_exit]` (a `u32` per exit,
//! owned by the `CompiledTrace`), so the interpreter reads hotness with `exit_count` instead of keeping
//! a map. Each exit also has a link word: when non-zero, the exit path, after writing the snapshot back,
//! *tail-calls* that trace body (Cranelift `tail` convention, `return_call_indirect`) with the same
//! `(slots, ctx)`. So a side trace starts from the interpreter state of the parent's exit — it `sload`s
//! what it needs, exactly like a root trace — and its own exits return *its* global exit ids. Global
//! exit ids are unique across all traces of one `Backend` (each trace gets a disjoint range), so the
//! interpreter can always map an id back to (trace, snapshot).
//!
//! ## Entry
//! The body is in the `tail` convention, which Rust cannot call, so each trace also gets a tiny
//! `extern "C"` wrapper that calls the body; `CompiledTrace::entry` is that wrapper.

pub mod codegen;
pub mod exits;
pub mod helpers;

pub use helpers::{HelperSig, HelperSpec};

use crate::abi::{RawValue, TraceEntry};
use crate::ir::{verify, ExitId, SnapId, Trace, VerifyError};
use codegen::Tables;
use cranelift_codegen::ir::{types, AbiParam, InstBuilder, Signature, UserFuncName};
use cranelift_codegen::isa::{CallConv, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::{control::ControlPlane, Context};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Linkage, Module};
use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Everything that can go wrong while compiling. The backend never panics on a bad trace.
#[derive(Debug)]
pub enum JitError {
    /// The trace failed the IR verifier.
    Verify(VerifyError),
    /// A call names a helper that was not registered.
    UnknownHelper(String),
    /// A call does not match its helper's registered signature.
    HelperSignature {
        /// The helper.
        name: String,
        /// How it does not match.
        msg: String,
    },
    /// The trace uses something the backend cannot compile (yet).
    Unsupported(String),
    /// Cranelift rejected the function (a backend bug if the trace verified).
    Codegen(String),
    /// Setting up the ISA or the code memory failed.
    Setup(String),
}

impl fmt::Display for JitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JitError::Verify(e) => write!(f, "{e}"),
            JitError::UnknownHelper(n) => write!(f, "unknown helper `{n}`"),
            JitError::HelperSignature { name, msg } => write!(f, "helper `{name}`: {msg}"),
            JitError::Unsupported(m) => write!(f, "unsupported: {m}"),
            JitError::Codegen(m) => write!(f, "codegen: {m}"),
            JitError::Setup(m) => write!(f, "setup: {m}"),
        }
    }
}

impl std::error::Error for JitError {}

impl From<VerifyError> for JitError {
    fn from(e: VerifyError) -> Self {
        JitError::Verify(e)
    }
}

/// Backend options.
#[derive(Clone, Debug)]
pub struct BackendConfig {
    /// Run the IR verifier before codegen (cheap; on by default).
    pub verify_ir: bool,
    /// Run Cranelift's verifier (slow: debug builds and tests only).
    pub verify_clif: bool,
    /// Keep the Cranelift IR text in `CompiledTrace::clif` (for `-jdump`-style logs).
    pub keep_clif: bool,
    /// Keep the disassembly in `CompiledTrace::disasm`.
    pub keep_disasm: bool,
}

impl Default for BackendConfig {
    fn default() -> Self {
        BackendConfig {
            verify_ir: true,
            verify_clif: cfg!(debug_assertions),
            keep_clif: false,
            keep_disasm: false,
        }
    }
}

/// What the interpreter needs to know about one exit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitInfo {
    /// The snapshot the exit wrote back (its `pc` and `frames` say where to resume).
    pub snap: SnapId,
    /// The instruction that exits (for logs).
    pub inst: u32,
}

/// A compiled trace. Dropping it frees its code: unlink it everywhere first.
pub struct CompiledTrace {
    entry: TraceEntry,
    body: usize,
    exit_base: u32,
    exits: Vec<ExitInfo>,
    counters: Box<[AtomicU32]>,
    /// Per exit: the linked trace's body address, with bit 0 set if that trace inherits the exit's
    /// values (then the exit does not write its snapshot back: see `Trace::inherits`).
    links: Box<[AtomicUsize]>,
    /// Where exit trampolines spill their values (read by `write_back` and by inheriting side traces).
    exit_buf: Box<[u64]>,
    /// See `Trace::inherits`.
    inherits: bool,
    /// What the exit path's `write_back` interprets (its address is in the code).
    _plan: Box<exits::RtPlan>,
    /// Bytes of machine code (the body).
    pub code_size: usize,
    /// Time spent in `Backend::compile`.
    pub compile_time: Duration,
    /// Cranelift IR of the body, if `keep_clif`.
    pub clif: Option<String>,
    /// Disassembly of the body, if `keep_disasm`.
    pub disasm: Option<String>,
    module: Option<JITModule>,
}

impl fmt::Debug for CompiledTrace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CompiledTrace")
            .field("exit_base", &self.exit_base)
            .field("exits", &self.exits.len())
            .field("code_size", &self.code_size)
            .field("compile_time", &self.compile_time)
            .finish()
    }
}

impl CompiledTrace {
    /// The native entry point.
    pub fn entry(&self) -> TraceEntry {
        self.entry
    }
    /// Run the trace on `slots` (slot 0 of the traced frame). Returns the global exit id.
    ///
    /// # Safety
    /// `slots` must point to a `Value` array covering every slot the trace and its linked side traces
    /// touch, laid out as `abi` describes, and `ctx` must be what the registered helpers expect.
    pub unsafe fn run(&self, slots: *mut RawValue, ctx: *mut u8) -> u32 {
        // SAFETY: forwarded to the caller; the code is alive while `self` is.
        unsafe { (self.entry)(slots.cast(), ctx, self.body) }
    }
    /// Global id of local exit 0.
    pub fn exit_base(&self) -> u32 {
        self.exit_base
    }
    /// Number of exits.
    pub fn exit_count(&self) -> usize {
        self.exits.len()
    }
    /// This trace's exit for a global exit id, if it is one of ours.
    pub fn local_exit(&self, global: u32) -> Option<ExitId> {
        let k = global.checked_sub(self.exit_base)?;
        ((k as usize) < self.exits.len()).then_some(ExitId(k))
    }
    /// What an exit restores.
    pub fn exit_info(&self, e: ExitId) -> Option<ExitInfo> {
        self.exits.get(e.0 as usize).copied()
    }
    /// How many times the exit has been taken.
    pub fn exit_counter(&self, e: ExitId) -> u32 {
        self.counters
            .get(e.0 as usize)
            .map_or(0, |c| c.load(Ordering::Relaxed))
    }
    /// Reset an exit's counter (e.g. after a failed side-trace attempt).
    pub fn reset_exit_counter(&self, e: ExitId) {
        if let Some(c) = self.counters.get(e.0 as usize) {
            c.store(0, Ordering::Relaxed);
        }
    }
    /// Route exit `e` into `target`: after writing the snapshot back, this trace tail-calls `target`.
    ///
    /// # Safety
    /// `target` must stay alive (not be dropped) until this link is removed with [`unlink`](Self::unlink)
    /// or `self` is dropped, and it must have been compiled for the state this exit leaves (it guards
    /// what it assumes, so a mismatch only costs an exit).
    pub unsafe fn link(&self, e: ExitId, target: &CompiledTrace) {
        if let Some(l) = self.links.get(e.0 as usize) {
            // Code addresses are aligned (16 bytes on x86-64, 4 on AArch64): bit 0 is free.
            debug_assert_eq!(target.body & 1, 0);
            // An inheriting trace reads the exit buffer, which only guard exits fill.
            if target.inherits
                && !self
                    ._plan
                    .spills
                    .get(e.0 as usize)
                    .copied()
                    .unwrap_or(false)
            {
                return;
            }
            l.store(target.body | target.inherits as usize, Ordering::Release);
        }
    }
    /// How a side trace recorded from exit `e` can inherit the exit's values instead of reading them
    /// from the slots (which the exit then need not write): the address of this trace's exit buffer and,
    /// per written slot, its type and where its value is. None if some value cannot be inherited.
    pub fn inheritance(&self, e: ExitId) -> Option<(u64, Vec<exits::Inherited>)> {
        let writes = self._plan.inheritance(e.0)?;
        Some((self.exit_buf.as_ptr() as u64, writes))
    }
    /// Remove the link of exit `e`.
    pub fn unlink(&self, e: ExitId) {
        if let Some(l) = self.links.get(e.0 as usize) {
            l.store(0, Ordering::Release);
        }
    }
}

impl Drop for CompiledTrace {
    fn drop(&mut self) {
        if let Some(m) = self.module.take() {
            // SAFETY: the code is only reachable through `self` (entry) and through links, which the
            // owner must have removed before dropping (documented on `link`).
            unsafe { m.free_memory() };
        }
    }
}

/// The backend: host ISA, registered helpers, and the global exit-id allocator.
pub struct Backend {
    isa: OwnedTargetIsa,
    helpers: HashMap<String, HelperSpec>,
    cfg: BackendConfig,
    next_exit_base: u32,
    fctx: FunctionBuilderContext,
    /// Cranelift contexts for the trace body and its entry wrapper, cleared and reused by every
    /// compile: their allocations (register allocator state, lowering buffers) are then made once,
    /// which was about a fifth of a small trace's compile.
    ctx: Context,
    /// The shared C-convention entry (see `trampoline`), built with the first trace.
    tramp: Option<TraceEntry>,
}

/// Build the Cranelift flags we use for every ISA.
fn flags(cfg: &BackendConfig) -> Result<settings::Flags, JitError> {
    let mut b = settings::builder();
    let set = |b: &mut settings::Builder, k: &str, v: &str| {
        b.set(k, v)
            .map_err(|e| JitError::Setup(format!("{k}={v}: {e}")))
    };
    // `none`, deliberately. Our optimiser already did folding, CSE, LICM and DCE on the trace IR, and
    // at `speed` Cranelift's egraph elaborates each pure value at its uses: a value only a snapshot needs
    // is then recomputed inside every exit trampoline that writes it back (trampolines do not dominate
    // each other). Measured on the 5,000-op / 500-guard test trace: 3.3 s and 2.5 MB of code at `speed`
    // versus 80 ms and 128 KB at `none`. The hot loop code is the same: a peeled `x = x * 0.5 + 1.25`
    // loop is `cmp; jl; mulsd k(%rip); addsd k(%rip); lea; jmp`.
    set(&mut b, "opt_level", "none")?;
    set(&mut b, "is_pic", "false")?;
    set(
        &mut b,
        "enable_verifier",
        if cfg.verify_clif { "true" } else { "false" },
    )?;
    // Cranelift's x64 tail calls (our side-trace links) rely on frame pointers; a function that tail
    // calls without them panics in emission. So they are always on.
    set(&mut b, "preserve_frame_pointers", "true")?;
    // The register allocator stays `backtracking`: `single_pass` compiles a fifth faster, but its code
    // ran nbody in 1.6x the instructions (1.75G vs 1.09G, callgrind), spectral_norm 1.6x, fannkuch 1.3x.
    Ok(settings::Flags::new(b))
}

impl Backend {
    /// A backend for the host ISA with default options.
    pub fn new(helpers: &[HelperSpec]) -> Result<Backend, JitError> {
        Backend::with_config(helpers, BackendConfig::default())
    }

    /// A backend for the host ISA.
    pub fn with_config(helpers: &[HelperSpec], cfg: BackendConfig) -> Result<Backend, JitError> {
        let isa_builder =
            cranelift_native::builder().map_err(|e| JitError::Setup(e.to_string()))?;
        let isa = isa_builder
            .finish(flags(&cfg)?)
            .map_err(|e| JitError::Setup(e.to_string()))?;
        if isa.pointer_type() != types::I64 {
            return Err(JitError::Setup("pvm's JIT needs a 64-bit target".into()));
        }
        let mut map = HashMap::new();
        for h in helpers {
            if let Some(want) = helpers::exit_helper_sig(&h.name) {
                if want != h.sig {
                    return Err(JitError::HelperSignature {
                        name: h.name.clone(),
                        msg: format!("exit helper must be {want:?}"),
                    });
                }
            }
            map.insert(h.name.clone(), h.clone());
        }
        Ok(Backend {
            isa,
            helpers: map,
            cfg,
            next_exit_base: 0,
            fctx: FunctionBuilderContext::new(),
            ctx: Context::new(),
            tramp: None,
        })
    }

    /// The entry every trace is run through: `extern "C" fn(slots, ctx, body) -> u32` calls the trace
    /// body at `body` with the `tail` convention the bodies use among themselves (side-trace links are
    /// tail calls). One shared trampoline instead of a wrapper per trace: a second function per trace
    /// cost the register allocator's fixed setup again on every compile. Its module is leaked on
    /// purpose, so the code outlives every trace and every backend.
    fn trampoline(&mut self) -> Result<TraceEntry, JitError> {
        if let Some(t) = self.tramp {
            return Ok(t);
        }
        let module_err = |e: cranelift_module::ModuleError| JitError::Codegen(format!("{e:?}"));
        let mut module = JITModule::new(JITBuilder::with_isa(
            self.isa.clone(),
            default_libcall_names(),
        ));
        let mut sig = Signature::new(self.isa.default_call_conv());
        for _ in 0..3 {
            sig.params.push(AbiParam::new(types::I64));
        }
        sig.returns.push(AbiParam::new(types::I32));
        let id = module
            .declare_function("trace_entry", Linkage::Local, &sig)
            .map_err(module_err)?;
        let mut ctx = Context::new();
        ctx.func.signature = sig;
        ctx.func.name = UserFuncName::user(0, 1);
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut self.fctx);
            let blk = b.create_block();
            b.append_block_params_for_function_params(blk);
            b.switch_to_block(blk);
            let args = b.block_params(blk).to_vec();
            let mut body_sig = Signature::new(CallConv::Tail);
            body_sig.params.push(AbiParam::new(types::I64));
            body_sig.params.push(AbiParam::new(types::I64));
            body_sig.returns.push(AbiParam::new(types::I32));
            let sref = b.import_signature(body_sig);
            let call = b.ins().call_indirect(sref, args[2], &args[..2]);
            let r = b.inst_results(call)[0];
            b.ins().return_(&[r]);
            b.seal_all_blocks();
            b.finalize(self.isa.frontend_config());
        }
        module
            .define_function(id, &mut ctx)
            .map_err(|e| describe(e, &ctx))?;
        module.finalize_definitions().map_err(module_err)?;
        let p = module.get_finalized_function(id);
        // The code must live as long as any trace: never free it.
        std::mem::forget(module);
        // SAFETY: `p` is the finalized trampoline, defined above with exactly the `TraceEntry`
        // signature (three pointer-sized integer params, i32 result) in the platform C convention.
        let t = unsafe { std::mem::transmute::<*const u8, TraceEntry>(p) };
        self.tramp = Some(t);
        Ok(t)
    }

    /// Compile a trace (normally optimised first) to native code.
    pub fn compile(&mut self, t: &Trace) -> Result<CompiledTrace, JitError> {
        let start = Instant::now();
        if self.cfg.verify_ir {
            verify(t)?;
        }
        let plan = exits::plan(t);
        check_exit_helpers(&plan, &self.helpers)?;
        let n_exits = plan.len();
        let exit_base = self.next_exit_base;
        let next = exit_base
            .checked_add(n_exits.max(1) as u32)
            .ok_or_else(|| JitError::Setup("global exit ids exhausted".into()))?;
        let counters: Box<[AtomicU32]> = (0..n_exits).map(|_| AtomicU32::new(0)).collect();
        let links: Box<[AtomicUsize]> = (0..n_exits).map(|_| AtomicUsize::new(0)).collect();
        let rt_plan = Box::new(exits::RtPlan::new(
            &plan,
            self.helpers
                .get(crate::abi::HELPER_STORE_OBJ)
                .map(|h| h.addr),
            self.helpers
                .get(crate::abi::HELPER_DROP_VALUE)
                .map(|h| h.addr),
            self.helpers
                .get(crate::abi::HELPER_STORE_WIDE)
                .map(|h| h.addr),
            self.helpers
                .get(crate::abi::HELPER_SINK_NEW)
                .map(|h| h.addr),
            self.helpers
                .get(crate::abi::HELPER_SINK_SET)
                .map(|h| h.addr),
        ));
        let words = plan.buffer_words().max(1);
        let exit_buf: Box<[u64]> = vec![0; words].into_boxed_slice();
        let tables = Tables {
            exit_buf: exit_buf.as_ptr() as u64,
            counters: counters.as_ptr() as u64,
            links: links.as_ptr() as u64,
            exit_base,
            plan: &*rt_plan as *const exits::RtPlan as u64,
        };

        let func = codegen::translate(
            t,
            &plan,
            &self.helpers,
            &tables,
            self.isa.default_call_conv(),
            self.isa.frontend_config(),
            &mut self.fctx,
        )?;
        let mut module = JITModule::new(JITBuilder::with_isa(
            self.isa.clone(),
            default_libcall_names(),
        ));
        let module_err = |e: cranelift_module::ModuleError| JitError::Codegen(format!("{e:?}"));
        let body_id = module
            .declare_function("trace_body", Linkage::Local, &func.signature)
            .map_err(module_err)?;
        let ctx = &mut self.ctx;
        ctx.clear();
        ctx.func = func;
        let clif = self.cfg.keep_clif.then(|| ctx.func.display().to_string());
        ctx.set_disasm(self.cfg.keep_disasm);
        module
            .define_function(body_id, ctx)
            .map_err(|e| describe(e, ctx))?;
        let code_size = ctx
            .compiled_code()
            .map_or(0, |c| c.code_info().total_size as usize);
        let disasm = ctx.compiled_code().and_then(|c| c.vcode.clone());

        module.finalize_definitions().map_err(module_err)?;
        let body = module.get_finalized_function(body_id) as usize;
        let entry = self.trampoline()?;
        self.next_exit_base = next;
        let exits = plan
            .exit_inst
            .iter()
            .map(|&i| ExitInfo {
                snap: t.insts[i as usize].snap,
                inst: i,
            })
            .collect();
        Ok(CompiledTrace {
            entry,
            body,
            exit_base,
            exits,
            counters,
            links,
            exit_buf,
            inherits: t.inherits,
            _plan: rt_plan,
            code_size,
            compile_time: start.elapsed(),
            clif,
            disasm,
            module: Some(module),
        })
    }
}

fn check_exit_helpers(
    plan: &exits::ExitPlan,
    helpers: &HashMap<String, HelperSpec>,
) -> Result<(), JitError> {
    for (needed, name) in [
        (plan.needs_store_obj, crate::abi::HELPER_STORE_OBJ),
        (plan.needs_drop, crate::abi::HELPER_DROP_VALUE),
        (plan.needs_store_wide, crate::abi::HELPER_STORE_WIDE),
        (plan.needs_sink, crate::abi::HELPER_SINK_NEW),
        (plan.needs_sink, crate::abi::HELPER_SINK_SET),
        (plan.needs_sink, crate::abi::HELPER_DROP_VALUE),
    ] {
        if needed && !helpers.contains_key(name) {
            return Err(JitError::UnknownHelper(name.to_string()));
        }
    }
    Ok(())
}

fn describe(e: cranelift_module::ModuleError, ctx: &Context) -> JitError {
    match e {
        cranelift_module::ModuleError::Compilation(ce) => {
            JitError::Codegen(cranelift_codegen::print_errors::pretty_error(&ctx.func, ce))
        }
        other => JitError::Codegen(format!("{other:?}")),
    }
}

/// Compile a trace for another ISA (by target triple) without running it: used to check that codegen
/// works on AArch64 from an x86-64 machine. Returns the code size.
pub fn cross_compile(
    t: &Trace,
    triple: &str,
    helpers: &[HelperSpec],
    cfg: &BackendConfig,
) -> Result<usize, JitError> {
    use std::str::FromStr;
    verify(t)?;
    let triple =
        target_lexicon::Triple::from_str(triple).map_err(|e| JitError::Setup(e.to_string()))?;
    let isa = cranelift_codegen::isa::lookup(triple)
        .map_err(|e| JitError::Setup(e.to_string()))?
        .finish(flags(cfg)?)
        .map_err(|e| JitError::Setup(e.to_string()))?;
    let map: HashMap<String, HelperSpec> = helpers
        .iter()
        .map(|h| (h.name.clone(), h.clone()))
        .collect();
    let plan = exits::plan(t);
    check_exit_helpers(&plan, &map)?;
    // Dummy table addresses: the code is never run.
    let tables = Tables {
        counters: 0x1000,
        links: 0x2000,
        exit_base: 0,
        plan: 0x3000,
        exit_buf: 0x4000,
    };
    let mut fctx = FunctionBuilderContext::new();
    let func = codegen::translate(
        t,
        &plan,
        &map,
        &tables,
        isa.default_call_conv(),
        isa.frontend_config(),
        &mut fctx,
    )?;
    let mut ctx = Context::for_function(func);
    let size = match ctx.compile(&*isa, &mut ControlPlane::default()) {
        Ok(code) => code.code_info().total_size as usize,
        Err(e) => {
            return Err(JitError::Codegen(
                cranelift_codegen::print_errors::pretty_error(e.func, e.inner),
            ))
        }
    };
    Ok(size)
}
