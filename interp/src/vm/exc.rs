//! Exception objects: creation, `raise`, and CPython-format tracebacks.

use super::Vm;
use crate::dict::Dict;
use crate::error::{type_error, ErrValue, ExcKind, PyErr, PyResult};
use crate::object::{ExcObj, ObjRef, Object, TypeKind};
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::io::Write;

impl Vm {
    pub fn new_exception(&self, cls: ObjRef, args: Vec<Value>) -> Value {
        let (cls, args, dict) = self.os_error_fields(cls, args);
        Value::obj(Object::Exception(Box::new(ExcObj {
            cls,
            args: RefCell::new(Value::obj(Object::Tuple(args))),
            dict: RefCell::new(dict),
            traceback: RefCell::new(Vec::new()),
            cause: RefCell::new(Value::Undef),
            context: RefCell::new(Value::Undef),
            suppress_context: Cell::new(false),
            group: RefCell::new(Value::Undef),
        })))
    }

    /// OSError's constructor: `OSError(errno, strerror[, filename[, winerror[, filename2]]])` sets those
    /// attributes (args keeps the first two), and plain `OSError(errno, ...)` becomes the subclass for
    /// that errno (`FileNotFoundError` for ENOENT...), as in CPython.
    fn os_error_fields(&self, cls: ObjRef, mut args: Vec<Value>) -> (ObjRef, Vec<Value>, Dict) {
        let mut dict = Dict::new();
        if crate::types::is_subtype(&cls, self.exc_type(ExcKind::ImportError)) {
            for k in ["name", "path"] {
                dict.set_str(Value::str(k), crate::hash::hash_str(k), Value::None);
            }
            // `msg` is the message when there is exactly one argument.
            let msg = if args.len() == 1 {
                args[0].clone()
            } else {
                Value::None
            };
            dict.set_str(Value::str("msg"), crate::hash::hash_str("msg"), msg);
            return (cls, args, dict);
        }
        let os = self.exc_type(ExcKind::OSError);
        if !crate::types::is_subtype(&cls, os) {
            return (cls, args, dict);
        }
        let mut cls = cls;
        let n = args.len();
        let (mut errno, mut strerror, mut filename, mut filename2) =
            (Value::None, Value::None, Value::None, Value::None);
        if (2..=5).contains(&n) {
            errno = args[0].clone();
            strerror = args[1].clone();
            if n >= 3 {
                filename = args[2].clone();
            }
            if n >= 5 {
                filename2 = args[4].clone();
            }
            if n >= 3 {
                args.truncate(2);
            }
            if std::rc::Rc::ptr_eq(&cls, os) {
                let sub = match errno.as_i64() {
                    Some(2) => Some(ExcKind::FileNotFoundError),
                    Some(17) => Some(ExcKind::FileExistsError),
                    Some(1) | Some(13) => Some(ExcKind::PermissionError),
                    Some(21) => Some(ExcKind::IsADirectoryError),
                    Some(20) => Some(ExcKind::NotADirectoryError),
                    Some(3) => Some(ExcKind::ProcessLookupError),
                    Some(4) => Some(ExcKind::InterruptedError),
                    Some(10) => Some(ExcKind::ChildProcessError),
                    Some(11) | Some(114) | Some(115) => Some(ExcKind::BlockingIOError),
                    Some(32) | Some(108) => Some(ExcKind::BrokenPipeError),
                    Some(103) => Some(ExcKind::ConnectionAbortedError),
                    Some(104) => Some(ExcKind::ConnectionResetError),
                    Some(110) => Some(ExcKind::TimeoutError),
                    Some(111) => Some(ExcKind::ConnectionRefusedError),
                    _ => None,
                };
                if let Some(k) = sub {
                    cls = self.exc_type(k).clone();
                }
            }
        }
        for (k, v) in [
            ("errno", errno),
            ("strerror", strerror),
            ("filename", filename),
            ("filename2", filename2),
        ] {
            dict.set_str(Value::str(k), crate::hash::hash_str(k), v);
        }
        (cls, args, dict)
    }

    /// CPython's str() of an OSError carrying errno and strerror: `[Errno 2] No such file...: 'x'`.
    pub fn os_error_str(&mut self, e: &crate::object::ExcObj) -> PyResult<Option<String>> {
        if !crate::types::is_subtype(&e.cls, self.exc_type(ExcKind::OSError)) {
            return Ok(None);
        }
        let get = |k: &str| {
            e.dict
                .borrow()
                .get_str(k, crate::hash::hash_str(k))
                .cloned()
                .unwrap_or(Value::None)
        };
        let (errno, strerror, f1, f2) = (
            get("errno"),
            get("strerror"),
            get("filename"),
            get("filename2"),
        );
        if errno.is_none() || strerror.is_none() {
            return Ok(None);
        }
        let mut s = format!(
            "[Errno {}] {}",
            self.str_of(&errno)?,
            self.str_of(&strerror)?
        );
        if !f1.is_none() {
            s.push_str(&format!(": {}", self.repr(&f1)?));
            if !f2.is_none() {
                s.push_str(&format!(" -> {}", self.repr(&f2)?));
            }
        }
        Ok(Some(s))
    }

    /// The exception object for an error (building it if it is still lazy).
    pub fn materialize(&mut self, err: &mut PyErr) -> ObjRef {
        let lazy = match &err.0.value {
            ErrValue::Lazy(kind, Value::Undef) => Some((*kind, vec![])),
            ErrValue::Lazy(kind, a) => Some((*kind, vec![a.clone()])),
            ErrValue::LazyArgs(kind, args) => Some((*kind, args.clone())),
            ErrValue::Obj(_) => None,
        };
        if let Some((kind, args)) = lazy {
            let v = self.new_exception(self.exc_type(kind).clone(), args);
            if let Value::Obj(o) = v {
                err.0.value = ErrValue::Obj(o);
            }
        }
        match &err.0.value {
            ErrValue::Obj(o) => o.clone(),
            ErrValue::Lazy(..) | ErrValue::LazyArgs(..) => unreachable!("materialised above"),
        }
    }

    /// `raise e` / `raise e from cause`.
    pub(crate) fn make_raise(&mut self, e: Value, cause: Option<Value>) -> PyResult<PyErr> {
        let obj = match e.as_obj() {
            Some(Object::Exception(_)) => e.clone(),
            Some(Object::Type(t)) if t.kind == TypeKind::Exception => self.call(&e, &[])?,
            _ => return Err(type_error("exceptions must derive from BaseException")),
        };
        if let (Some(c), Some(Object::Exception(ex))) = (cause, obj.as_obj()) {
            let c = match c.as_obj() {
                Some(Object::Type(t)) if t.kind == TypeKind::Exception => self.call(&c, &[])?,
                Some(Object::Exception(_)) => c,
                _ if c.is_none() => Value::None,
                _ => {
                    return Err(type_error(
                        "exception causes must derive from BaseException",
                    ))
                }
            };
            *ex.cause.borrow_mut() = c;
            ex.suppress_context.set(true);
        }
        match obj {
            Value::Obj(o) => {
                // Raising an exception object again extends the traceback it already has.
                let tb = match &*o {
                    Object::Exception(e) => e.traceback.borrow().clone(),
                    _ => Vec::new(),
                };
                let mut err = PyErr::from_obj(o);
                err.0.tb = tb;
                Ok(err)
            }
            _ => Err(type_error("exceptions must derive from BaseException")),
        }
    }

    /// Keyword arguments of a builtin exception's constructor: ImportError's `name` and `path`; the
    /// others take none.
    pub(crate) fn exception_kwargs(
        &mut self,
        obj: &Value,
        kw: &crate::object::KwArgs,
    ) -> PyResult<()> {
        let Some(Object::Exception(e)) = obj.as_obj() else {
            return Ok(());
        };
        let tname = crate::types::type_name(&e.cls).to_string();
        if !crate::types::is_subtype(&e.cls, self.exc_type(ExcKind::ImportError)) {
            return Err(type_error(format!("{tname}() takes no keyword arguments")));
        }
        for (k, v) in kw.iter() {
            let k: &str = k;
            if k != "name" && k != "path" {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for {tname}()"
                )));
            }
            e.dict
                .borrow_mut()
                .set_str(Value::str(k), crate::hash::hash_str(k), v.clone());
        }
        Ok(())
    }

    /// The fields particular builtin exception types add (read-only views of their arguments).
    pub(crate) fn exception_field(&self, e: &ExcObj, name: &str) -> Option<Value> {
        let first_arg = || match e.args.borrow().as_obj() {
            Some(Object::Tuple(t)) => t.first().cloned().unwrap_or(Value::None),
            _ => Value::None,
        };
        let is = |k: ExcKind| crate::types::is_subtype(&e.cls, self.exc_type(k));
        match name {
            "value" if is(ExcKind::StopIteration) => Some(first_arg()),
            // SystemExit(): None; SystemExit(x): x; more arguments: the args tuple.
            "code" if is(ExcKind::SystemExit) => match e.args.borrow().as_obj() {
                Some(Object::Tuple(t)) if t.len() > 1 => Some(e.args.borrow().clone()),
                _ => Some(first_arg()),
            },
            "message" | "exceptions" if is(ExcKind::BaseExceptionGroup) => {
                match e.group.borrow().as_obj() {
                    Some(Object::Tuple(t)) if t.len() == 2 => {
                        Some(t[(name == "exceptions") as usize].clone())
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `except T` matching: is `exc` an instance of T (a class or a tuple of classes)?
    pub fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        match ty.as_obj() {
            Some(Object::Tuple(items)) => {
                for t in items.clone() {
                    if self.exception_matches(exc, &t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Some(Object::Type(t)) if t.kind == TypeKind::Exception => {
                let et = self.type_of(exc);
                let Value::Obj(tr) = ty else { return Ok(false) };
                Ok(crate::types::is_subtype(&et, tr))
            }
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// Is the error an instance of the builtin exception `kind`?
    pub fn err_matches(&mut self, err: &PyErr, kind: ExcKind) -> bool {
        if err.0.fatal {
            return false;
        }
        match &err.0.value {
            ErrValue::Lazy(k, _) | ErrValue::LazyArgs(k, _) => k.is_subclass_of(kind),
            ErrValue::Obj(o) => match &**o {
                Object::Exception(e) => crate::types::is_subtype(&e.cls, self.exc_type(kind)),
                _ => false,
            },
        }
    }

    /// Print an uncaught exception the way CPython does (exc_print.rs).
    pub fn print_exception(&mut self, mut err: PyErr) {
        self.flush_stdout();
        let obj = self.materialize(&mut err);
        let text = self.format_uncaught(&obj, &err.0.tb);
        let stderr = std::io::stderr();
        let mut h = stderr.lock();
        let _ = h.write_all(text.as_bytes());
        let _ = h.flush();
    }

    /// "TypeError: message" (or just the name when the message is empty).
    pub fn exception_line(&mut self, obj: &ObjRef) -> String {
        let v = Value::Obj(obj.clone());
        let name = match &**obj {
            Object::Exception(e) => {
                let module = match &*e.cls {
                    Object::Type(t) => t.module.borrow().as_str().unwrap_or("builtins").to_string(),
                    _ => "builtins".into(),
                };
                let n = crate::types::type_name(&e.cls).to_string();
                if module == "builtins" || module == "__main__" {
                    n
                } else {
                    format!("{}.{}", module, n)
                }
            }
            _ => self.type_name(&v),
        };
        let msg = self
            .str_of(&v)
            .unwrap_or_else(|_| "<exception str() failed>".into());
        if msg.is_empty() {
            name
        } else {
            format!("{}: {}", name, msg)
        }
    }

    /// The exit status for an uncaught SystemExit (printing its message when it is not an int).
    pub fn system_exit_code(&mut self, err: &mut PyErr) -> i32 {
        let obj = self.materialize(err);
        let Object::Exception(e) = &*obj else {
            return 1;
        };
        let args = e.args.borrow().clone();
        let code = match args.as_obj() {
            Some(Object::Tuple(t)) if t.len() == 1 => t[0].clone(),
            Some(Object::Tuple(t)) if t.is_empty() => Value::None,
            _ => args.clone(),
        };
        match &code {
            Value::None => 0,
            Value::Int(i) => *i as i32,
            Value::Bool(b) => *b as i32,
            other => {
                self.flush_stdout();
                let s = self.str_of(other).unwrap_or_default();
                eprintln!("{}", s);
                1
            }
        }
    }
}
