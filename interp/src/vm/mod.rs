//! The interpreter: one dispatch loop over all Python frames.
//!
//! All frames live in one contiguous `Value` array (`Vm::stack`): a frame is a window
//! `[base .. base + nlocals + ncells + stacksize)`. A Python→Python call places the callee's window so that
//! the arguments the caller pushed *are* the callee's first locals (no copy), pushes a `Frame` record and
//! continues in the same loop: deep Python recursion never recurses on the Rust stack, and is bounded by
//! `sys.setrecursionlimit`. Native code calling back into Python (a sort key, `map`) re-enters `run` with
//! an entry depth, which is bounded separately (`MAX_NATIVE_DEPTH`).

pub mod attrcache;
mod call;
pub mod classes;
mod construct;
mod coroutines;
mod dispatch;
mod exec;
pub mod generators;
mod lookup_fast;
pub use lookup_fast::contains_pure_obj;
mod matching;
pub mod ops;
pub mod protocol;
pub mod slots;

use crate::code::Code;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Object};
use crate::types::Types;
use crate::value::Value;
use std::io::Write;
use std::rc::Rc;

pub use call::Args;

/// Hooks the JIT installs into the interpreter (the interp crate does not depend on the JIT).
pub trait JitHooks {
    /// A loop header at `pc` of `code` became hot in the frame whose slots start at `base`. The JIT may run
    /// native code for it; it returns the pc to resume at (and has updated the frame slots), or None to
    /// let the interpreter continue normally.
    fn on_hot_loop(
        &mut self,
        vm: &mut Vm,
        code: &Rc<Code>,
        pc: usize,
        base: usize,
    ) -> Option<usize>;
    /// While `vm.recording` is set: called before each instruction executes, with the frame's state saved
    /// in `vm.frames.last()` (pc = the instruction about to run, sp = the value-stack top). The recorder
    /// reads the concrete operands from the stack; it clears `vm.recording` when it finishes or aborts.
    fn record_instr(&mut self, _vm: &mut Vm, _code: &Rc<Code>, _pc: usize) {}
    /// Print statistics at exit (`--jit-stats`).
    fn report(&mut self, _out: &mut dyn Write) {}
}

/// Where `sys.stdout` goes: the process's stdout, or a buffer (fuzzers and in-process tests compare
/// what two runs printed).
pub enum OutSink {
    Stdout(std::io::Stdout),
    Buffer(Vec<u8>),
}

impl Write for OutSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            OutSink::Stdout(s) => s.write(buf),
            OutSink::Buffer(b) => {
                b.extend_from_slice(buf);
                Ok(buf.len())
            }
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            OutSink::Stdout(s) => s.flush(),
            OutSink::Buffer(_) => Ok(()),
        }
    }
}

pub struct Frame {
    pub code: Rc<Code>,
    /// The function being run (for closure cells and defaults); None for module code.
    pub func: Option<ObjRef>,
    pub globals: ObjRef,
    /// Namespace dict for class bodies / exec with separate locals; None otherwise.
    pub locals: Option<ObjRef>,
    pub pc: usize,
    pub base: usize,
    /// Absolute index of the next free value-stack slot (valid while the frame is not the running one).
    pub sp: usize,
    /// Where the return value goes in the caller's window.
    pub ret_slot: usize,
    /// The generator this frame runs, if any (yields save the frame into it); or, for `__init__` of a
    /// class call the dispatch loop pushed in place (vm/construct.rs), the instance (an
    /// `Object::Instance`: `Frame::init_instance`).
    pub gen: Option<ObjRef>,
}

/// Bound on Rust-level re-entry of the interpreter (native code calling Python calling native code…).
pub const MAX_NATIVE_DEPTH: usize = 3000;

/// Hard bound on the native recursion of `repr`, `==`, `<` and `hash` over nested containers, whatever
/// `sys.setrecursionlimit` says: sized for the interpreter thread's 1 GiB stack (a level takes well
/// under 1 KiB), so that `repr` of 10**6 nested lists is a RecursionError, never a stack overflow.
pub const MAX_C_DEPTH: usize = 200_000;

pub struct Options {
    pub jit_threshold: u32,
    pub jit_enabled: bool,
    /// Bytecode cache use for imports (`-B`, `-X pvm-cache=...`).
    pub cache: crate::cache::CacheOptions,
    /// `-u`: stdout is flushed after every write.
    pub unbuffered: bool,
    /// `-X importtime`: report each import's time on stderr, as CPython does.
    pub importtime: bool,
    /// `-X` options as given (`sys._xoptions`).
    pub xoptions: Vec<String>,
}

pub struct Vm {
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub types: Types,
    /// Builtin types for classes: property, staticmethod, classmethod, super.
    pub class_types: classes::ClassTypes,
    pub builtins: ObjRef,
    /// sys.modules
    pub modules: ObjRef,
    pub recursion_limit: usize,
    /// Globals dicts given to `exec`/`eval` whose `__builtins__` is not the builtins namespace: name
    /// lookups in code running with them consult that `__builtins__` (see `Vm::custom_builtins_of`).
    /// Usually empty, so ordinary lookups pay one length test.
    pub custom_builtins: Vec<ObjRef>,
    pub native_depth: usize,
    /// Nesting of native recursion over containers (`repr`, comparisons, `hash`): like CPython's C
    /// recursion, it counts against the recursion limit together with the Python frames.
    pub c_depth: usize,
    pub argv: Vec<String>,
    pub out: std::io::BufWriter<OutSink>,
    pub jit: Option<Box<dyn JitHooks>>,
    /// Set by the JIT while it records a trace: the dispatch loop then calls `JitHooks::record_instr`
    /// before every instruction.
    pub recording: bool,
    /// Set while a JIT helper performs an interpreter operation (a builtin call, a subscript...) on a
    /// trace's behalf: such an operation must not run Python code (the trace's frames are not written
    /// back, and nothing in a trace may change a class), so entering Python code fails instead
    /// (`python_blocked_hit` records that it was tried, so the helper fails even if a builtin swallowed
    /// the error) and the interpreter redoes the operation.
    pub python_blocked: bool,
    pub python_blocked_hit: bool,
    /// Exceptions being handled (innermost last): pushed by `PushExcInfo`, popped by `PopExcept`.
    pub exc_stack: Vec<Value>,
    /// Bumped whenever any class's dict changes: invalidates the method cache (`type_lookup`).
    pub type_epoch: Box<std::cell::Cell<u64>>,
    pub method_cache: std::cell::RefCell<Box<[protocol::MethodCacheEntry]>>,
    /// An exception to raise in the frame being resumed (`generator.throw`).
    pub pending_throw: Option<PyErr>,
    pub opts: Options,
    /// Main module's dict.
    pub main_globals: Option<ObjRef>,
    /// Interned strings for names the runtime looks up itself.
    pub strs: crate::builtins::Interned,
    pub path: Vec<String>,
    /// `-X importtime` bookkeeping (see import.rs).
    pub(crate) import_time: import::ImportTime,
    /// Modules whose body is running (CPython's `__spec__._initializing`): a failed `from M import x`
    /// on one of them mentions the circular import.
    pub(crate) initializing: Vec<String>,
    /// When this run must stop (fuzzers, tests): checked when `interrupt::DEADLINE` is raised by a
    /// `Watchdog`; the run then ends with a fatal error. None: no limit.
    pub deadline: Option<std::time::Instant>,
}

impl Vm {
    pub fn new(argv: Vec<String>) -> Vm {
        let types = Types::new();
        let class_types = classes::ClassTypes::new(&types.object);
        let mut vm = Vm {
            class_types,
            stack: vec![Value::Undef; 1 << 14],
            frames: Vec::with_capacity(256),
            types,
            builtins: Rc::new(Object::Dict(Default::default())),
            modules: Rc::new(Object::Dict(Default::default())),
            recursion_limit: 1000,
            custom_builtins: Vec::new(),
            native_depth: 0,
            c_depth: 0,
            argv,
            out: std::io::BufWriter::with_capacity(1 << 16, OutSink::Stdout(std::io::stdout())),
            jit: None,
            recording: false,
            python_blocked: false,
            python_blocked_hit: false,
            exc_stack: Vec::new(),
            pending_throw: None,
            type_epoch: Box::new(std::cell::Cell::new(1)),
            method_cache: std::cell::RefCell::new(
                vec![protocol::MethodCacheEntry::default(); protocol::METHOD_CACHE_SIZE]
                    .into_boxed_slice(),
            ),
            opts: Options {
                jit_threshold: 1000,
                jit_enabled: false,
                cache: Default::default(),
                unbuffered: false,
                importtime: false,
                xoptions: Vec::new(),
            },
            import_time: Default::default(),
            initializing: Vec::new(),
            main_globals: None,
            strs: crate::builtins::Interned::new(),
            path: Vec::new(),
            deadline: None,
        };
        crate::builtins::install(&mut vm);
        classes::install(&mut vm);
        slots::install(&mut vm);
        crate::builtins::type_attrs::install(&mut vm);
        generators::install(&mut vm);
        exc_group::install(&mut vm);
        vm
    }

    pub fn flush_stdout(&mut self) {
        let _ = self.out.flush();
    }

    /// Send `sys.stdout` to a buffer from now on (see `take_output`).
    pub fn capture_output(&mut self) {
        self.flush_stdout();
        self.out = std::io::BufWriter::new(OutSink::Buffer(Vec::new()));
    }

    /// What was printed since `capture_output` (empty when not capturing).
    pub fn take_output(&mut self) -> Vec<u8> {
        self.flush_stdout();
        match self.out.get_mut() {
            OutSink::Buffer(b) => std::mem::take(b),
            OutSink::Stdout(_) => Vec::new(),
        }
    }

    /// Call after writing to `out`: with `-u` the text goes out at once.
    #[inline]
    pub fn wrote_stdout(&mut self) {
        if self.opts.unbuffered {
            let _ = self.out.flush();
        }
    }

    /// A fresh module namespace.
    pub fn new_globals(&self, name: &str) -> ObjRef {
        let g = Rc::new(Object::Dict(Default::default()));
        if let Object::Dict(d) = &*g {
            let mut d = d.borrow_mut();
            let k = Value::str("__name__");
            let h = crate::hash::hash_str("__name__");
            d.set_str(k, h, Value::str(name));
            // CPython's module objects start with `__doc__ = None`; a docstring replaces it.
            let k = Value::str("__doc__");
            d.set_str(k, crate::hash::hash_str("__doc__"), Value::None);
            let k = Value::str("__builtins__");
            d.set_str(
                k,
                crate::hash::hash_str("__builtins__"),
                Value::Obj(self.builtins.clone()),
            );
        }
        g
    }

    /// Run a module's code object in `globals`.
    pub fn run_module_code(&mut self, code: Rc<Code>, globals: ObjRef) -> PyResult<Value> {
        self.run_code_in(code, globals, None)
    }

    /// Run module-level code with `globals`, and `locals` as the namespace of its names when given
    /// (`exec(src, g, l)`).
    pub fn run_code_in(
        &mut self,
        code: Rc<Code>,
        globals: ObjRef,
        locals: Option<ObjRef>,
    ) -> PyResult<Value> {
        self.check_python_allowed()?;
        let base = self.stack_top() + 1;
        self.ensure_stack(base + code.frame_size() + 1);
        for i in 0..code.nlocals() + code.ncells() {
            self.stack[base + i] = Value::Undef;
        }
        let depth = self.frames.len();
        self.frames.push(Frame {
            code,
            func: None,
            globals,
            locals,
            pc: 0,
            base,
            sp: 0,
            ret_slot: base - 1,
            gen: None,
        });
        let f = self.frames.last_mut().expect("frame");
        f.sp = f.base + f.code.nlocals() + f.code.ncells();
        self.run(depth)
    }

    /// Push a frame record (no recursion check: callers check the limit). Inlined, with the growth
    /// path out of line: a non-inlined `Vec::push` of the 72-byte record cost 7% of a call-heavy run,
    /// and building the record in place avoids a copy whose reloads stall store forwarding.
    #[inline(always)]
    pub(crate) fn push_frame_record(&mut self, frame: Frame) {
        if self.frames.len() == self.frames.capacity() {
            self.grow_frames();
        }
        let n = self.frames.len();
        // SAFETY: `n < capacity` (ensured above); the slot is uninitialised and becomes element `n`.
        unsafe {
            self.frames.as_mut_ptr().add(n).write(frame);
            self.frames.set_len(n + 1);
        }
    }

    /// `push_frame_record` for a plain function call (`pc` 0, no namespace dict, no generator),
    /// writing each field straight into the vector: a record built in a temporary is copied with
    /// 16-byte loads of 8-byte stores, which cannot be store-forwarded.
    #[inline(always)]
    pub(crate) fn push_call_frame(
        &mut self,
        code: Rc<Code>,
        globals: ObjRef,
        func: ObjRef,
        base: usize,
        sp: usize,
        ret_slot: usize,
    ) {
        if self.frames.len() == self.frames.capacity() {
            self.grow_frames();
        }
        let n = self.frames.len();
        // SAFETY: `n < capacity` (ensured above); every field of the uninitialised element `n` is
        // written exactly once before the length covers it.
        unsafe {
            let f = self.frames.as_mut_ptr().add(n);
            std::ptr::addr_of_mut!((*f).code).write(code);
            std::ptr::addr_of_mut!((*f).func).write(Some(func));
            std::ptr::addr_of_mut!((*f).globals).write(globals);
            std::ptr::addr_of_mut!((*f).locals).write(None);
            std::ptr::addr_of_mut!((*f).pc).write(0);
            std::ptr::addr_of_mut!((*f).base).write(base);
            std::ptr::addr_of_mut!((*f).sp).write(sp);
            std::ptr::addr_of_mut!((*f).ret_slot).write(ret_slot);
            std::ptr::addr_of_mut!((*f).gen).write(None);
            self.frames.set_len(n + 1);
        }
    }

    #[cold]
    #[inline(never)]
    fn grow_frames(&mut self) {
        let n = self.frames.len().max(64);
        self.frames.reserve(n);
    }

    /// First free stack slot above the running frames.
    #[inline]
    pub fn stack_top(&self) -> usize {
        match self.frames.last() {
            Some(f) => f.sp,
            None => 0,
        }
    }

    pub fn ensure_stack(&mut self, n: usize) {
        if n > self.stack.len() {
            let mut size = self.stack.len().max(1024);
            while size < n {
                size *= 2;
            }
            self.stack.resize(size, Value::Undef);
        }
    }

    pub fn type_of(&self, v: &Value) -> ObjRef {
        self.types.type_of(v).clone()
    }

    pub fn type_name(&self, v: &Value) -> String {
        let t = self.types.type_of(v);
        if let Object::Type(ty) = &**t {
            // A Python class standing in for one of CPython's C types (decimal.Decimal) is named in
            // messages by that type's tp_name, which it declares as `__pvm_tp_name__` (not inherited).
            if ty.heap {
                let key = "__pvm_tp_name__";
                if let Some(n) = ty.dict.borrow().get_str(key, crate::hash::hash_str(key)) {
                    if let Some(s) = n.as_str() {
                        return s.to_string();
                    }
                }
            }
        }
        crate::types::type_name(t).to_string()
    }

    pub fn exc_type(&self, k: ExcKind) -> &ObjRef {
        &self.types.exc[k as usize]
    }

    /// The slow path of a safe point whose `interrupt::pending()` check fired: turn a SIGINT into
    /// `KeyboardInterrupt`, an expired deadline into a fatal error.
    #[cold]
    #[inline(never)]
    pub(crate) fn poll_attention(&mut self) -> PyResult<()> {
        let bits = crate::interrupt::take();
        if self
            .deadline
            .is_some_and(|d| std::time::Instant::now() >= d)
        {
            crate::interrupt::restore(bits & crate::interrupt::SIGINT);
            return Err(PyErr::fatal("pvm: the run's time limit was exceeded"));
        }
        if bits & crate::interrupt::SIGINT != 0 {
            return Err(PyErr::bare(ExcKind::KeyboardInterrupt));
        }
        Ok(())
    }

    /// How many more levels of native container recursion the recursion limit allows.
    pub(crate) fn c_depth_left(&self) -> usize {
        let used = self.frames.len() + self.c_depth;
        self.recursion_limit
            .saturating_sub(used)
            .min(MAX_C_DEPTH.saturating_sub(self.c_depth))
    }

    /// Enter one level of native recursion over a container (`what` completes CPython's message:
    /// " in comparison", " while getting the repr of an object"). Pair with `leave_c_recursion`.
    pub(crate) fn enter_c_recursion(&mut self, what: &str) -> PyResult<()> {
        if self.c_depth_left() == 0 {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        self.c_depth += 1;
        Ok(())
    }

    /// Like `enter_c_recursion` for recursion CPython does not count (hashing nested tuples): only the
    /// hard stack bound applies.
    pub(crate) fn enter_c_recursion_unlimited(&mut self) -> PyResult<()> {
        if self.c_depth >= MAX_C_DEPTH {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        self.c_depth += 1;
        Ok(())
    }

    pub(crate) fn leave_c_recursion(&mut self) {
        self.c_depth -= 1;
    }

    /// Re-enter the dispatch loop from native code, with a bound on the Rust recursion this causes.
    /// Also a safe point (a sort key or `map` function calling Python in a long native loop).
    pub(crate) fn enter_native(&mut self) -> PyResult<()> {
        self.check_python_allowed()?;
        if crate::interrupt::pending() {
            self.poll_attention()?;
        }
        if self.native_depth >= MAX_NATIVE_DEPTH {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        self.native_depth += 1;
        Ok(())
    }
    /// Fails while Python code is blocked (see `python_blocked`).
    #[inline]
    pub(crate) fn check_python_allowed(&mut self) -> PyResult<()> {
        if self.python_blocked {
            self.python_blocked_hit = true;
            return Err(PyErr::new(
                ExcKind::SystemError,
                "pvm: Python code called from a JIT helper",
            ));
        }
        Ok(())
    }
    pub(crate) fn leave_native(&mut self) {
        self.native_depth -= 1;
    }
}

mod containers;
pub use containers::dict_find_pure;
mod carets;
pub mod exc;
mod exc_group;
mod exc_print;
mod import;
pub mod metaclass;
pub mod subclass;
pub mod text;
