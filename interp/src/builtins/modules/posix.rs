//! `posix`: the operating-system calls under `os` (interp/lib/os.py) and `os.path` (posixpath.py).
//! Errors are OSError subclasses with CPython's messages (`[Errno 2] No such file or directory: 'x'`).

use super::io::os_error;
use crate::builtins::register;
use crate::error::{type_error, PyResult};
use crate::object::{KwArgs, ObjRef, Object};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::os::unix::fs::MetadataExt;

pub(super) fn init(_vm: &mut Vm, d: &ObjRef) {
    register(d, "getcwd", |vm, _a, _k| match std::env::current_dir() {
        Ok(p) => Ok(Value::from_string(p.to_string_lossy().into_owned())),
        Err(e) => Err(os_error(vm, &e, None)),
    });
    register(d, "chdir", |vm, a, _k| {
        let p = path_arg(vm, a, "chdir")?;
        std::env::set_current_dir(&p).map_err(|e| os_error(vm, &e, Some(a[0].clone())))?;
        Ok(Value::None)
    });
    register(d, "listdir", |vm, a, _k| {
        let p = if a.is_empty() || a[0].is_none() {
            ".".to_string()
        } else {
            path_arg(vm, a, "listdir")?
        };
        let fname = a.first().cloned().unwrap_or(Value::str("."));
        let rd = std::fs::read_dir(&p).map_err(|e| os_error(vm, &e, Some(fname.clone())))?;
        let mut out = Vec::new();
        for ent in rd {
            let ent = ent.map_err(|e| os_error(vm, &e, Some(fname.clone())))?;
            out.push(Value::from_string(
                ent.file_name().to_string_lossy().into_owned(),
            ));
        }
        Ok(Value::obj(Object::List(RefCell::new(out))))
    });
    register(d, "mkdir", |vm, a, _k| {
        let p = path_arg(vm, a, "mkdir")?;
        std::fs::create_dir(&p).map_err(|e| os_error(vm, &e, Some(a[0].clone())))?;
        Ok(Value::None)
    });
    register(d, "rmdir", |vm, a, _k| {
        let p = path_arg(vm, a, "rmdir")?;
        std::fs::remove_dir(&p).map_err(|e| os_error(vm, &e, Some(a[0].clone())))?;
        Ok(Value::None)
    });
    register(d, "remove", remove);
    register(d, "unlink", remove);
    register(d, "rename", rename);
    register(d, "replace", rename);
    register(d, "stat", |vm, a, _k| stat(vm, a, true));
    register(d, "lstat", |vm, a, _k| stat(vm, a, false));
    register(d, "getpid", |_vm, _a, _k| {
        Ok(Value::Int(std::process::id() as i64))
    });
    register(d, "urandom", |vm, a, _k| {
        let n = a.first().and_then(|v| v.as_i64()).unwrap_or(0);
        if n < 0 {
            return Err(crate::error::value_error("negative argument not allowed"));
        }
        use std::io::Read;
        let mut buf = vec![0u8; n as usize];
        let r = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
        r.map_err(|e| os_error(vm, &e, None))?;
        Ok(Value::obj(Object::Bytes(buf)))
    });
    register(d, "environ", |_vm, _a, _k| {
        let mut dict = crate::dict::Dict::new();
        for (k, v) in std::env::vars_os() {
            let k = k.to_string_lossy().into_owned();
            let h = crate::hash::hash_str(&k);
            dict.set_str(
                Value::from_string(k),
                h,
                Value::from_string(v.to_string_lossy().into_owned()),
            );
        }
        Ok(Value::obj(Object::Dict(RefCell::new(dict))))
    });
    register(d, "realpath", |vm, a, _k| {
        let p = path_arg(vm, a, "realpath")?;
        Ok(Value::from_string(realpath(std::path::Path::new(&p))))
    });
    register(d, "cpu_count", |_vm, _a, _k| {
        Ok(std::thread::available_parallelism()
            .map(|n| Value::Int(n.get() as i64))
            .unwrap_or(Value::None))
    });
    register(d, "strerror", |_vm, a, _k| {
        let n = a.first().and_then(|v| v.as_i64()).unwrap_or(0) as i32;
        let e = std::io::Error::from_raw_os_error(n);
        let s = e.to_string();
        Ok(Value::from_string(match s.find(" (os error") {
            Some(i) => s[..i].to_string(),
            None => s,
        }))
    });
}

fn path_arg(vm: &Vm, a: &[Value], fname: &str) -> PyResult<String> {
    match a.first() {
        Some(v) => match v.as_obj() {
            Some(Object::Str(s)) => Ok(s.as_str().to_string()),
            Some(Object::Bytes(b)) => Ok(String::from_utf8_lossy(b).into_owned()),
            _ => Err(type_error(format!(
                "{}: path should be string, bytes or os.PathLike, not {}",
                fname,
                vm.type_name(v)
            ))),
        },
        None => Err(type_error(format!(
            "{}() missing required argument 'path' (pos 1)",
            fname
        ))),
    }
}

fn remove(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let p = path_arg(vm, a, "remove")?;
    let md = std::fs::symlink_metadata(&p);
    if md.map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_error(vm, &e, Some(a[0].clone())));
    }
    std::fs::remove_file(&p).map_err(|e| os_error(vm, &e, Some(a[0].clone())))?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let src = path_arg(vm, a, "rename")?;
    let dst = path_arg(vm, &a[1.min(a.len())..], "rename")?;
    if let Err(e) = std::fs::rename(&src, &dst) {
        let errno = e.raw_os_error().unwrap_or(0) as i64;
        let s = e.to_string();
        let msg = match s.find(" (os error") {
            Some(i) => s[..i].to_string(),
            None => s,
        };
        let args = vec![
            Value::Int(errno),
            Value::from_string(match errno {
                2 => "No such file or directory".into(),
                _ => msg,
            }),
            a[0].clone(),
            Value::None,
            a[1].clone(),
        ];
        let cls = vm.exc_type(crate::error::ExcKind::OSError).clone();
        if let Value::Obj(o) = vm.new_exception(cls, args) {
            return Err(crate::error::PyErr::from_obj(o));
        }
    }
    Ok(Value::None)
}

/// `stat(path)` as a tuple (st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime,
/// st_mtime, st_ctime) with float times; os.py wraps it in `stat_result`.
fn stat(vm: &mut Vm, a: &[Value], follow: bool) -> PyResult<Value> {
    let p = path_arg(vm, a, "stat")?;
    let md = if follow {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    };
    let md = md.map_err(|e| os_error(vm, &e, Some(a[0].clone())))?;
    let t = |s: i64, ns: i64| Value::Float(s as f64 + ns as f64 * 1e-9);
    Ok(Value::obj(Object::Tuple(vec![
        Value::Int(md.mode() as i64),
        Value::Int(md.ino() as i64),
        Value::Int(md.dev() as i64),
        Value::Int(md.nlink() as i64),
        Value::Int(md.uid() as i64),
        Value::Int(md.gid() as i64),
        Value::Int(md.size() as i64),
        t(md.atime(), md.atime_nsec()),
        t(md.mtime(), md.mtime_nsec()),
        t(md.ctime(), md.ctime_nsec()),
    ])))
}

/// Symlinks resolved for the part of `p` that exists; the rest appended (CPython's non-strict realpath).
fn realpath(p: &std::path::Path) -> String {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut existing = abs.clone();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    loop {
        if let Ok(c) = std::fs::canonicalize(&existing) {
            let mut out = c;
            for r in rest.iter().rev() {
                if r == ".." {
                    out.pop();
                } else if r != "." {
                    out.push(r);
                }
            }
            return out.to_string_lossy().into_owned();
        }
        match (existing.file_name(), existing.parent()) {
            (Some(n), Some(par)) => {
                rest.push(n.to_os_string());
                existing = par.to_path_buf();
            }
            _ => return abs.to_string_lossy().into_owned(),
        }
    }
}
