//! Python exceptions as Rust errors.
//!
//! Runtime code returns `PyResult<T>`; an error is usually created *lazily* (`PyErr::new(kind, msg)`): no
//! exception object is built until Python code can see it (an `except` clause, or the final traceback).
//! The builtin exception hierarchy is declared once in `exceptions!`.

use crate::object::{ObjRef, TbEntry};
use crate::value::Value;

macro_rules! exceptions {
    ($( $kind:ident : $parent:ident ),* $(,)?) => {
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        #[repr(u8)]
        pub enum ExcKind { $( $kind ),* }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[$(ExcKind::$kind),*];
            pub fn name(self) -> &'static str {
                match self { $( ExcKind::$kind => stringify!($kind) ),* }
            }
            /// The direct base (BaseException is its own).
            pub fn parent(self) -> ExcKind {
                match self { $( ExcKind::$kind => ExcKind::$parent ),* }
            }
        }
    };
}

exceptions! {
    BaseException: BaseException,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    BaseExceptionGroup: BaseException,
    // Also a subclass of Exception (the one builtin exception with two bases; see `is_subclass_of`).
    ExceptionGroup: BaseExceptionGroup,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    FileNotFoundError: OSError,
    FileExistsError: OSError,
    PermissionError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    FutureWarning: Warning,
    PendingDeprecationWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    InterruptedError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    UnicodeTranslateError: UnicodeError,
}

impl ExcKind {
    pub fn is_subclass_of(self, other: ExcKind) -> bool {
        if self == ExcKind::ExceptionGroup && other == ExcKind::Exception {
            return true;
        }
        let mut k = self;
        loop {
            if k == other {
                return true;
            }
            if k == ExcKind::BaseException {
                return false;
            }
            k = k.parent();
        }
    }
}

pub enum ErrValue {
    /// Not materialised yet: kind plus its single argument (a message, or e.g. the missing key).
    Lazy(ExcKind, Value),
    /// Not materialised yet, with several arguments (`OverflowError(34, 'Numerical result out of
    /// range')`).
    LazyArgs(ExcKind, Vec<Value>),
    /// A real exception object (an `Object::Exception`).
    Obj(ObjRef),
}

pub struct PyErrInner {
    pub value: ErrValue,
    /// Traceback entries, innermost first, added while frames unwind.
    pub tb: Vec<TbEntry>,
    /// A re-raise: the frame it happens in is already in `tb`, so don't add it again.
    pub reraised: bool,
    /// Not a Python exception but a limit of the embedding (a run's deadline): no `except` or `finally`
    /// sees it and no native code swallows it; it unwinds every frame.
    pub fatal: bool,
}

/// An exception in flight. Boxed so that `PyResult<Value>` stays small on the hot path.
pub struct PyErr(pub Box<PyErrInner>);

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> PyErr {
        PyErr(Box::new(PyErrInner {
            value: ErrValue::Lazy(kind, Value::from_string(msg.into())),
            tb: Vec::new(),
            reraised: false,
            fatal: false,
        }))
    }
    pub fn with_value(kind: ExcKind, v: Value) -> PyErr {
        PyErr(Box::new(PyErrInner {
            value: ErrValue::Lazy(kind, v),
            tb: Vec::new(),
            reraised: false,
            fatal: false,
        }))
    }
    pub fn with_args(kind: ExcKind, args: Vec<Value>) -> PyErr {
        PyErr(Box::new(PyErrInner {
            value: ErrValue::LazyArgs(kind, args),
            tb: Vec::new(),
            reraised: false,
            fatal: false,
        }))
    }
    /// An exception with no arguments (`raise StopIteration`).
    pub fn bare(kind: ExcKind) -> PyErr {
        PyErr(Box::new(PyErrInner {
            value: ErrValue::Lazy(kind, Value::Undef),
            tb: Vec::new(),
            reraised: false,
            fatal: false,
        }))
    }
    pub fn from_obj(o: ObjRef) -> PyErr {
        PyErr(Box::new(PyErrInner {
            value: ErrValue::Obj(o),
            tb: Vec::new(),
            reraised: false,
            fatal: false,
        }))
    }
    /// A fatal error (see `PyErrInner::fatal`); it prints as `RuntimeError: msg` if it reaches the top.
    pub fn fatal(msg: impl Into<String>) -> PyErr {
        let mut e = PyErr::new(ExcKind::RuntimeError, msg);
        e.0.fatal = true;
        e
    }
    /// The builtin kind when lazy (cheap checks without materialising). None for fatal errors, which
    /// are no Python exception.
    pub fn lazy_kind(&self) -> Option<ExcKind> {
        if self.0.fatal {
            return None;
        }
        match &self.0.value {
            ErrValue::Lazy(k, _) | ErrValue::LazyArgs(k, _) => Some(*k),
            ErrValue::Obj(_) => None,
        }
    }
}

pub fn type_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::TypeError, msg)
}
pub fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::ValueError, msg)
}
pub fn index_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::IndexError, msg)
}
pub fn overflow_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::OverflowError, msg)
}
pub fn zero_division(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::ZeroDivisionError, msg)
}
pub fn attribute_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::AttributeError, msg)
}
