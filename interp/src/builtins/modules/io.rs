//! `_io`: the native file object under `io` (interp/lib/io.py) and the builtin `open`.
//!
//! `_io.FileIO` is a binary file with CPython's buffered-layer semantics folded in: reads are served from
//! a read-ahead buffer (so `readline` is cheap) and writes are collected and flushed on `flush`, `seek`,
//! `close`, a read, and when the object is freed (`Drop`), which is when CPython's BufferedWriter flushes an
//! unclosed file too. io.py builds `BufferedReader`/`BufferedWriter` and `TextIOWrapper` (decoding,
//! newline translation) on it. OS errors become OSError subclasses with CPython's
//! `[Errno N] message: 'name'`.

use crate::builtins::{method, register};
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};

const CHUNK: usize = 64 * 1024;

struct FileState {
    file: Option<File>,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
}

struct FileIO {
    st: RefCell<FileState>,
    name: Value,
    mode: String,
    readable: bool,
    writable: bool,
}

impl crate::native::NativeData for FileIO {}

impl Drop for FileIO {
    fn drop(&mut self) {
        let st = self.st.get_mut();
        if let Some(f) = st.file.as_mut() {
            if !st.wbuf.is_empty() {
                let _ = f.write_all(&st.wbuf);
            }
        }
    }
}

thread_local! {
    static FILEIO: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

pub(super) fn init(vm: &mut Vm, d: &ObjRef) {
    let t = crate::native::native_type(vm, "FileIO", "_io", Some(fileio_new));
    for (name, f) in [
        ("read", f_read as crate::object::BuiltinFn),
        ("readall", f_readall),
        ("readline", f_readline),
        ("write", f_write),
        ("seek", f_seek),
        ("tell", f_tell),
        ("flush", f_flush),
        ("close", f_close),
        ("truncate", f_truncate),
        ("fileno", f_fileno),
        ("__getattr__", f_getattr),
    ] {
        method(&t, name, f);
    }
    crate::builtins::set_in(d, "FileIO", Value::Obj(t.clone()));
    FILEIO.with(|c| *c.borrow_mut() = Some(t));
    register(d, "os_error", |vm, a, _k| {
        let errno = a.first().and_then(|v| v.as_i64()).unwrap_or(0) as i32;
        let name = a.get(1).cloned();
        Err(os_error(
            vm,
            &std::io::Error::from_raw_os_error(errno),
            name,
        ))
    });
}

/// The C library's message for an errno (what CPython's OSError shows).
fn strerror(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(2) => "No such file or directory".into(),
        Some(13) => "Permission denied".into(),
        Some(17) => "File exists".into(),
        Some(20) => "Not a directory".into(),
        Some(21) => "Is a directory".into(),
        Some(39) => "Directory not empty".into(),
        Some(22) => "Invalid argument".into(),
        Some(9) => "Bad file descriptor".into(),
        Some(18) => "Invalid cross-device link".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// An OSError (the errno's subclass) for `e`, naming `filename` if given.
pub fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<Value>) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0) as i64;
    let mut args = vec![Value::Int(errno), Value::from_string(strerror(e))];
    if let Some(f) = filename {
        args.push(f);
    }
    let cls = vm.exc_type(ExcKind::OSError).clone();
    match vm.new_exception(cls, args) {
        Value::Obj(o) => PyErr::from_obj(o),
        _ => PyErr::bare(ExcKind::OSError),
    }
}

fn fileio_new(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::builtins::methods::util::bind(
        "FileIO",
        &a[1..],
        kw,
        &["file", "mode", "closefd"],
        1,
    )?;
    let name = args[0].clone().unwrap_or(Value::None);
    let Some(path) = name.as_str().map(|s| s.to_string()) else {
        return Err(type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(&name)
        )));
    };
    let mode = args[1]
        .as_ref()
        .and_then(|v| v.as_str())
        .unwrap_or("r")
        .to_string();
    let mut opts = std::fs::OpenOptions::new();
    let plus = mode.contains('+');
    let (readable, writable);
    match mode.chars().find(|c| "rwax".contains(*c)) {
        Some('r') => {
            opts.read(true).write(plus);
            readable = true;
            writable = plus;
        }
        Some('w') => {
            opts.write(true).create(true).truncate(true).read(plus);
            readable = plus;
            writable = true;
        }
        Some('a') => {
            opts.append(true).create(true).read(plus);
            readable = plus;
            writable = true;
        }
        Some('x') => {
            opts.write(true).create_new(true).read(plus);
            readable = plus;
            writable = true;
        }
        _ => {
            return Err(value_error(
                "Must have exactly one of create/read/write/append mode and at most one plus",
            ))
        }
    }
    if path.is_empty() {
        let e = std::io::Error::from_raw_os_error(2);
        return Err(os_error(vm, &e, Some(name)));
    }
    let file = match opts.open(&path) {
        Ok(f) => f,
        Err(e) => return Err(os_error(vm, &e, Some(name))),
    };
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_error(vm, &e, Some(name)));
    }
    let cls = match a.first() {
        Some(Value::Obj(c)) => c.clone(),
        _ => FILEIO
            .with(|c| c.borrow().clone())
            .expect("_io initialised"),
    };
    let fmode = match (
        mode.contains('r'),
        mode.contains('w'),
        mode.contains('a'),
        plus,
    ) {
        (true, _, _, false) => "rb",
        (true, _, _, true) => "rb+",
        (_, true, _, false) => "wb",
        (_, true, _, true) => "rb+",
        (_, _, true, false) => "ab",
        (_, _, true, true) => "ab+",
        (_, _, _, false) => "xb",
        _ => "xb+",
    };
    Ok(crate::native::new_object(
        &cls,
        FileIO {
            st: RefCell::new(FileState {
                file: Some(file),
                rbuf: Vec::new(),
                rpos: 0,
                wbuf: Vec::new(),
            }),
            name,
            mode: fmode.to_string(),
            readable,
            writable,
        },
    ))
}

fn this<'a>(vm: &Vm, a: &'a [Value], meth: &str) -> PyResult<&'a FileIO> {
    crate::native::self_payload::<FileIO>(vm, a, "_io.FileIO", meth)
}

fn closed_err() -> PyErr {
    value_error("I/O operation on closed file")
}

impl FileIO {
    /// Write out pending output and drop read-ahead (moving the OS position back to the logical one).
    fn sync(&self, vm: &mut Vm) -> PyResult<()> {
        let mut st = self.st.borrow_mut();
        let st = &mut *st;
        let Some(f) = st.file.as_mut() else {
            return Err(closed_err());
        };
        if !st.wbuf.is_empty() {
            let r = f.write_all(&st.wbuf);
            st.wbuf.clear();
            if let Err(e) = r {
                return Err(os_error(vm, &e, None));
            }
        }
        let ahead = st.rbuf.len() - st.rpos;
        if ahead > 0 {
            let _ = f.seek(SeekFrom::Current(-(ahead as i64)));
        }
        st.rbuf.clear();
        st.rpos = 0;
        Ok(())
    }

    fn check_read(&self) -> PyResult<()> {
        if self.st.borrow().file.is_none() {
            return Err(closed_err());
        }
        if !self.readable {
            return Err(unsupported("File not open for reading"));
        }
        Ok(())
    }

    /// Ensure read-ahead holds data (false at end of file).
    fn fill(&self, vm: &mut Vm) -> PyResult<bool> {
        let mut st = self.st.borrow_mut();
        let st = &mut *st;
        if st.rpos < st.rbuf.len() {
            return Ok(true);
        }
        let Some(f) = st.file.as_mut() else {
            return Err(closed_err());
        };
        if !st.wbuf.is_empty() {
            let r = f.write_all(&st.wbuf);
            st.wbuf.clear();
            if let Err(e) = r {
                return Err(os_error(vm, &e, None));
            }
        }
        st.rbuf.resize(CHUNK, 0);
        st.rpos = 0;
        match f.read(&mut st.rbuf) {
            Ok(n) => {
                st.rbuf.truncate(n);
                Ok(n > 0)
            }
            Err(e) => {
                st.rbuf.clear();
                Err(os_error(vm, &e, None))
            }
        }
    }
}

fn unsupported(msg: &str) -> PyErr {
    // io.UnsupportedOperation derives from OSError and ValueError; raised as OSError here.
    PyErr::new(ExcKind::OSError, msg.to_string())
}

fn bytes_value(b: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(b))
}

fn size_arg(a: &[Value], i: usize) -> i64 {
    match a.get(i) {
        None | Some(Value::None) => -1,
        Some(v) => v.as_i64().unwrap_or(-1),
    }
}

fn f_read(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = this(vm, a, "read")?;
    f.check_read()?;
    let n = size_arg(a, 1);
    let mut out = Vec::new();
    while n < 0 || (out.len() as i64) < n {
        if !f.fill(vm)? {
            break;
        }
        let mut st = f.st.borrow_mut();
        let avail = st.rbuf.len() - st.rpos;
        let take = if n < 0 {
            avail
        } else {
            avail.min(n as usize - out.len())
        };
        let start = st.rpos;
        out.extend_from_slice(&st.rbuf[start..start + take]);
        st.rpos += take;
    }
    Ok(bytes_value(out))
}

fn f_readall(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    f_read(vm, &a[..1], &Vec::new())
}

fn f_readline(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = this(vm, a, "readline")?;
    f.check_read()?;
    let limit = size_arg(a, 1);
    let mut out = Vec::new();
    loop {
        if limit >= 0 && out.len() as i64 >= limit {
            break;
        }
        if !f.fill(vm)? {
            break;
        }
        let mut st = f.st.borrow_mut();
        let start = st.rpos;
        let mut end = st.rbuf.len();
        if limit >= 0 {
            end = end.min(start + (limit as usize - out.len()));
        }
        let nl = st.rbuf[start..end].iter().position(|&b| b == b'\n');
        let stop = nl.map(|i| start + i + 1).unwrap_or(end);
        out.extend_from_slice(&st.rbuf[start..stop]);
        st.rpos = stop;
        if nl.is_some() {
            break;
        }
    }
    Ok(bytes_value(out))
}

fn f_write(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = this(vm, a, "write")?;
    if f.st.borrow().file.is_none() {
        return Err(closed_err());
    }
    if !f.writable {
        return Err(unsupported("File not open for writing"));
    }
    let data = match a.get(1).and_then(|v| v.as_obj()) {
        Some(Object::Bytes(b)) => b.clone(),
        _ => {
            let t = a.get(1).map(|v| vm.type_name(v)).unwrap_or_default();
            return Err(type_error(format!(
                "a bytes-like object is required, not '{}'",
                t
            )));
        }
    };
    let has_ahead = {
        let st = f.st.borrow();
        st.rpos < st.rbuf.len()
    };
    if has_ahead {
        f.sync(vm)?;
    }
    let n = data.len();
    let flush = {
        let mut st = f.st.borrow_mut();
        st.wbuf.extend_from_slice(&data);
        st.wbuf.len() >= CHUNK
    };
    if flush {
        f.sync(vm)?;
    }
    Ok(Value::Int(n as i64))
}

fn f_seek(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = this(vm, a, "seek")?;
    let off = a.get(1).and_then(|v| v.as_i64()).unwrap_or(0);
    let whence = a.get(2).and_then(|v| v.as_i64()).unwrap_or(0);
    f.sync(vm)?;
    let pos = match whence {
        0 => {
            if off < 0 {
                return Err(value_error(format!("negative seek position {}", off)));
            }
            SeekFrom::Start(off as u64)
        }
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => {
            return Err(value_error(format!(
                "invalid whence ({}, should be 0, 1 or 2)",
                whence
            )))
        }
    };
    let r =
        f.st.borrow_mut()
            .file
            .as_mut()
            .map(|fl| fl.seek(pos))
            .ok_or_else(closed_err)?;
    match r {
        Ok(p) => Ok(Value::Int(p as i64)),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

fn f_tell(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = this(vm, a, "tell")?;
    let mut st = f.st.borrow_mut();
    let st = &mut *st;
    let ahead = (st.rbuf.len() - st.rpos) as i64;
    let pending = st.wbuf.len() as i64;
    let Some(fl) = st.file.as_mut() else {
        return Err(closed_err());
    };
    let r = fl.stream_position();
    match r {
        Ok(p) => Ok(Value::Int(p as i64 - ahead + pending)),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

fn f_flush(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = this(vm, a, "flush")?;
    if f.st.borrow().file.is_none() {
        return Err(closed_err());
    }
    let mut st = f.st.borrow_mut();
    let st = &mut *st;
    if let Some(fl) = st.file.as_mut() {
        if !st.wbuf.is_empty() {
            let r = fl.write_all(&st.wbuf);
            st.wbuf.clear();
            if let Err(e) = r {
                return Err(os_error(vm, &e, None));
            }
        }
    }
    Ok(Value::None)
}

fn f_close(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = this(vm, a, "close")?;
    if f.st.borrow().file.is_none() {
        return Ok(Value::None);
    }
    let r = f.sync(vm);
    f.st.borrow_mut().file = None;
    r.map(|_| Value::None)
}

fn f_truncate(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = this(vm, a, "truncate")?;
    f.sync(vm)?;
    let mut st = f.st.borrow_mut();
    let Some(fl) = st.file.as_mut() else {
        return Err(closed_err());
    };
    let size = match a.get(1) {
        None | Some(Value::None) => fl.stream_position().unwrap_or(0),
        Some(v) => v.as_i64().unwrap_or(0).max(0) as u64,
    };
    match fl.set_len(size) {
        Ok(()) => Ok(Value::Int(size as i64)),
        Err(e) => {
            drop(st);
            Err(os_error(vm, &e, None))
        }
    }
}

fn f_fileno(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    use std::os::unix::io::AsRawFd;
    let f = this(vm, a, "fileno")?;
    let st = f.st.borrow();
    match st.file.as_ref() {
        Some(fl) => Ok(Value::Int(fl.as_raw_fd() as i64)),
        None => Err(closed_err()),
    }
}

fn f_getattr(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = this(vm, a, "__getattr__")?;
    let name = a.get(1).and_then(|v| v.as_str()).unwrap_or("");
    Ok(match name {
        "name" => f.name.clone(),
        "mode" => Value::str(&f.mode),
        "closed" => Value::Bool(f.st.borrow().file.is_none()),
        "_readable" => Value::Bool(f.readable),
        "_writable" => Value::Bool(f.writable),
        _ => {
            return Err(crate::error::attribute_error(format!(
                "'_io.FileIO' object has no attribute '{}'",
                name
            )))
        }
    })
}

/// The builtin `open`: `io.open` (imported on first use).
pub fn builtin_open(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = vm.builtins.clone();
    let io = vm.import(&Value::str("io"), Value::None, Value::Int(0), &b)?;
    let open = vm.getattr(&io, &Value::str("open"))?;
    vm.call_kw(&open, a, kw)
}
