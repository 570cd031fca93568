//! `import`: sys.modules, builtin modules, and `.py` files (modules and packages) found on sys.path.

use super::Vm;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{Module, ObjRef, Object};
use crate::value::Value;
use std::path::PathBuf;

/// `-X importtime`: CPython's report, one line per import when it finishes, nested imports indented.
#[derive(Default)]
pub(crate) struct ImportTime {
    header_done: bool,
    /// Per import in progress: the cumulative microseconds of the imports it made.
    children: Vec<u64>,
}

impl ImportTime {
    fn enter(&mut self) -> std::time::Instant {
        if !self.header_done {
            self.header_done = true;
            eprintln!("import time: self [us] | cumulative | imported package");
        }
        self.children.push(0);
        std::time::Instant::now()
    }

    fn leave(&mut self, name: &str, t0: std::time::Instant) {
        let cum = t0.elapsed().as_micros() as u64;
        let kids = self.children.pop().unwrap_or(0);
        let level = self.children.len();
        if let Some(p) = self.children.last_mut() {
            *p += cum;
        }
        eprintln!(
            "import time: {:>9} | {:>10} | {}{}",
            cum.saturating_sub(kids),
            cum,
            "  ".repeat(level),
            name
        );
    }
}

/// The file `pvm -m` runs and the `__package__` it runs with.
pub struct MainModule {
    pub path: PathBuf,
    pub package: String,
}

impl Vm {
    pub(crate) fn import(
        &mut self,
        name: &Value,
        fromlist: Value,
        level: Value,
        globals: &ObjRef,
    ) -> PyResult<Value> {
        let name = name.as_str().unwrap_or("").to_string();
        let level = level.as_i64().unwrap_or(0);
        let full = if level > 0 {
            self.resolve_relative(&name, level, globals)?
        } else {
            name.clone()
        };
        // Import each package along the dotted path.
        let mut module = Value::None;
        let mut prefix = String::new();
        let mut top = Value::None;
        for (i, part) in full.split('.').enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(part);
            module = self.import_one(&prefix, &module)?;
            if i == 0 {
                top = module.clone();
            }
        }
        let has_fromlist = match fromlist.as_obj() {
            Some(Object::Tuple(t)) => !t.is_empty(),
            _ => false,
        };
        if has_fromlist || level > 0 && name.is_empty() {
            // `from pkg import sub`: submodules named in the fromlist are imported too.
            if let Some(Object::Tuple(t)) = fromlist.as_obj() {
                self.import_fromlist(&module, &full, t.clone())?;
            }
            Ok(module)
        } else if level > 0 {
            Ok(module)
        } else {
            Ok(top)
        }
    }

    /// `from pkg import a, b` / `from pkg import *`: names that are not attributes of the package are
    /// its submodules, imported now (for `*`, the names in `__all__`). A submodule that does not exist
    /// is left for `import_from` to report; other errors propagate.
    fn import_fromlist(&mut self, module: &Value, full: &str, items: Vec<Value>) -> PyResult<()> {
        let is_pkg = match module.as_obj() {
            Some(Object::Module(m)) => self.dict_get_str_quiet(&m.dict, "__path__").is_some(),
            _ => false,
        };
        if !is_pkg {
            return Ok(());
        }
        for item in items {
            let Some(n) = item.as_str() else {
                return Err(crate::error::type_error(format!(
                    "Item in {}.__all__ must be str, not {}",
                    full,
                    self.type_name(&item)
                )));
            };
            if n == "*" {
                let all = match module.as_obj() {
                    Some(Object::Module(m)) => self.dict_get_str_quiet(&m.dict, "__all__"),
                    _ => None,
                };
                if let Some(all) = all {
                    let names = self.collect(all)?;
                    self.import_fromlist(module, full, names)?;
                }
                continue;
            }
            if self.hasattr_quiet(module, &item) {
                continue;
            }
            let sub = format!("{}.{}", full, n);
            match self.import_one(&sub, module) {
                Ok(_) => {}
                Err(e)
                    if self.err_matches(&e, ExcKind::ModuleNotFoundError)
                        && self.import_error_name(&e).as_deref() == Some(sub.as_str()) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn hasattr_quiet(&mut self, obj: &Value, name: &Value) -> bool {
        match obj.as_obj() {
            Some(Object::Module(m)) => self
                .dict_get_str_quiet(&m.dict, name.as_str().unwrap_or(""))
                .is_some(),
            _ => self.getattr(obj, name).is_ok(),
        }
    }

    /// The `name` attribute of an ImportError.
    fn import_error_name(&mut self, e: &PyErr) -> Option<String> {
        match &e.0.value {
            crate::error::ErrValue::Obj(o) => match &**o {
                Object::Exception(x) => x
                    .dict
                    .borrow()
                    .get_str("name", crate::hash::hash_str("name"))
                    .and_then(|v| v.as_str().map(str::to_string)),
                _ => None,
            },
            _ => None,
        }
    }

    /// An ImportError (or subclass) with CPython's `name` and `path` attributes set.
    pub(crate) fn import_error(
        &mut self,
        kind: ExcKind,
        msg: String,
        name: &str,
        path: Option<Value>,
    ) -> PyErr {
        let cls = self.exc_type(kind).clone();
        let e = self.new_exception(cls, vec![Value::from_string(msg)]);
        if let Some(Object::Exception(x)) = e.as_obj() {
            let mut d = x.dict.borrow_mut();
            d.set_str(
                Value::str("name"),
                crate::hash::hash_str("name"),
                Value::str(name),
            );
            d.set_str(
                Value::str("path"),
                crate::hash::hash_str("path"),
                path.unwrap_or(Value::None),
            );
        }
        match e {
            Value::Obj(o) => PyErr::from_obj(o),
            _ => unreachable!("new_exception makes an object"),
        }
    }

    fn resolve_relative(&mut self, name: &str, level: i64, globals: &ObjRef) -> PyResult<String> {
        let pkg = self
            .dict_get_str_quiet(globals, "__package__")
            .and_then(|v| v.as_str().map(|s| s.to_string()))
            .filter(|s| !s.is_empty());
        let Some(pkg) = pkg else {
            return Err(PyErr::new(
                ExcKind::ImportError,
                "attempted relative import with no known parent package",
            ));
        };
        let mut parts: Vec<&str> = pkg.split('.').collect();
        for _ in 1..level {
            if parts.pop().is_none() {
                return Err(PyErr::new(
                    ExcKind::ImportError,
                    "attempted relative import beyond top-level package",
                ));
            }
        }
        let base = parts.join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{}.{}", base, name)
        })
    }

    fn import_one(&mut self, full: &str, parent: &Value) -> PyResult<Value> {
        let key = Value::str(full);
        let modules = Value::Obj(self.modules.clone());
        if let Some(m) = self.dict_get(&modules, &key)? {
            if matches!(m, Value::None) {
                // CPython's way of blocking a module.
                return Err(self.import_error(
                    ExcKind::ModuleNotFoundError,
                    format!("import of {full} halted; None in sys.modules"),
                    full,
                    None,
                ));
            }
            return Ok(m);
        }
        if !self.opts.importtime {
            return self.load_module(full, parent, key);
        }
        let t0 = self.import_time.enter();
        let r = self.load_module(full, parent, key);
        self.import_time.leave(full, t0);
        r
    }

    /// Import `full` (not in sys.modules): a builtin module, or a file found on the search path.
    fn load_module(&mut self, full: &str, parent: &Value, key: Value) -> PyResult<Value> {
        let modules = Value::Obj(self.modules.clone());
        if let Some(m) = crate::builtins::modules::create(self, full) {
            self.dict_set(&modules, key, m.clone())?;
            return Ok(m);
        }
        // Search: the parent package's directory, or sys.path.
        let short = full.rsplit('.').next().unwrap_or(full);
        let dirs: Vec<PathBuf> = match parent {
            Value::None => self.sys_path(),
            _ => {
                let path = match parent.as_obj() {
                    Some(Object::Module(pm)) => self.dict_get_str_quiet(&pm.dict, "__path__"),
                    _ => self.getattr(parent, &Value::str("__path__")).ok(),
                };
                match path {
                    Some(p) => self
                        .collect(p)?
                        .iter()
                        .filter_map(|v| v.as_str().map(PathBuf::from))
                        .collect(),
                    None => {
                        let pname = full.rsplit_once('.').map(|(p, _)| p).unwrap_or(full);
                        return Err(self.import_error(
                            ExcKind::ModuleNotFoundError,
                            format!("No module named '{full}'; '{pname}' is not a package"),
                            full,
                            None,
                        ));
                    }
                }
            }
        };
        // Directories without `__init__.py` are portions of a namespace package (PEP 420), used only
        // when no regular package or module of that name is found.
        let mut portions = Vec::new();
        for dir in dirs {
            let pkg_init = dir.join(short).join("__init__.py");
            let file = dir.join(format!("{}.py", short));
            if pkg_init.is_file() {
                let pkg_dir = dir.join(short).to_string_lossy().to_string();
                return self.exec_module_file(full, &pkg_init, Some(pkg_dir));
            }
            if file.is_file() {
                return self.exec_module_file(full, &file, None);
            }
            if dir.join(short).is_dir() {
                portions.push(Value::from_string(
                    dir.join(short).to_string_lossy().to_string(),
                ));
            }
        }
        // The library embedded in the binary comes after sys.path, so a user's file can shadow it.
        if let Some((is_pkg, src)) = crate::builtins::modules::frozen::find(full) {
            let filename = format!("<frozen {}>", full);
            let pkg_dir = is_pkg.then(String::new);
            return self.exec_module_source(full, src, &filename, pkg_dir);
        }
        if !portions.is_empty() {
            return self.namespace_package(full, portions);
        }
        Err(self.import_error(
            ExcKind::ModuleNotFoundError,
            format!("No module named '{}'", full),
            full,
            None,
        ))
    }

    /// A namespace package: no code, `__file__` None, `__path__` the directories found.
    fn namespace_package(&mut self, full: &str, portions: Vec<Value>) -> PyResult<Value> {
        let globals = self.new_globals(full);
        self.dict_set_str(&globals, &Value::str("__file__"), Value::None)?;
        self.dict_set_str(&globals, &Value::str("__package__"), Value::str(full))?;
        let path = Value::obj(Object::List(portions.into()));
        self.dict_set_str(&globals, &Value::str("__path__"), path)?;
        let module = Value::obj(Object::Module(Module {
            name: full.to_string(),
            dict: globals,
        }));
        let modules = Value::Obj(self.modules.clone());
        self.dict_set(&modules, Value::str(full), module.clone())?;
        if let Some((parent, short)) = full.rsplit_once('.') {
            if let Some(Object::Module(pm)) = self
                .dict_get(&modules, &Value::str(parent))?
                .as_ref()
                .and_then(|p| p.as_obj())
            {
                let d = pm.dict.clone();
                self.dict_set_str(&d, &Value::str(short), module.clone())?;
            }
        }
        Ok(module)
    }

    pub fn sys_path(&mut self) -> Vec<PathBuf> {
        let modules = Value::Obj(self.modules.clone());
        let sys = self.dict_get(&modules, &Value::str("sys")).ok().flatten();
        if let Some(Object::Module(m)) = sys.as_ref().and_then(|s| s.as_obj()) {
            if let Some(p) = self.dict_get_str_quiet(&m.dict, "path") {
                if let Ok(items) = self.collect(p) {
                    return items
                        .iter()
                        .filter_map(|v| {
                            // '' is the current directory, named absolutely as CPython does.
                            v.as_str().map(|s| {
                                if s.is_empty() {
                                    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
                                } else {
                                    PathBuf::from(s)
                                }
                            })
                        })
                        .collect();
                }
            }
        }
        self.path.iter().map(PathBuf::from).collect()
    }

    fn exec_module_file(
        &mut self,
        full: &str,
        path: &std::path::Path,
        pkg_dir: Option<String>,
    ) -> PyResult<Value> {
        let filename = path.to_string_lossy().to_string();
        let code = self.module_code_for(path)?;
        self.exec_module_code(full, code, &filename, pkg_dir)
    }

    /// Compile and run a module's source as `sys.modules[full]` (the library embedded in the binary).
    fn exec_module_source(
        &mut self,
        full: &str,
        src: &str,
        filename: &str,
        pkg_dir: Option<String>,
    ) -> PyResult<Value> {
        let code =
            crate::compiler::compile_module(src, filename).map_err(|e| self.syntax_error(e))?;
        self.exec_module_code(full, code, filename, pkg_dir)
    }

    /// Run a module's code as `sys.modules[full]`; `pkg_dir` is Some for a package (its `__path__`
    /// entry; empty for a package embedded in the binary).
    fn exec_module_code(
        &mut self,
        full: &str,
        code: std::rc::Rc<crate::code::Code>,
        filename: &str,
        pkg_dir: Option<String>,
    ) -> PyResult<Value> {
        let globals = self.new_globals(full);
        let package = match &pkg_dir {
            Some(_) => full.to_string(),
            None => full
                .rsplit_once('.')
                .map(|(p, _)| p.to_string())
                .unwrap_or_default(),
        };
        self.dict_set_str(&globals, &Value::str("__file__"), Value::str(filename))?;
        self.dict_set_str(&globals, &Value::str("__package__"), Value::str(&package))?;
        if let Some(d) = &pkg_dir {
            let entries = if d.is_empty() {
                vec![]
            } else {
                vec![Value::str(d)]
            };
            let l = Value::obj(Object::List(entries.into()));
            self.dict_set_str(&globals, &Value::str("__path__"), l)?;
        }
        let module = Value::obj(Object::Module(Module {
            name: full.to_string(),
            dict: globals.clone(),
        }));
        let modules = Value::Obj(self.modules.clone());
        self.dict_set(&modules, Value::str(full), module.clone())?;
        self.initializing.push(full.to_string());
        let r = self.run_module_code(code, globals);
        self.initializing.pop();
        if let Err(e) = r {
            let _ = self.dict_pop(&modules, &Value::str(full));
            return Err(e);
        }
        // The body may have replaced its entry in sys.modules: import returns what is there.
        let module = match self.dict_get(&modules, &Value::str(full))? {
            Some(m) => m,
            None => {
                return Err(self.import_error(
                    ExcKind::ImportError,
                    format!("Loaded module {full} not found in sys.modules"),
                    full,
                    None,
                ))
            }
        };
        // Bind the submodule on its parent package.
        if let Some((parent, short)) = full.rsplit_once('.') {
            if let Some(p) = self.dict_get(&modules, &Value::str(parent))? {
                if let Some(Object::Module(pm)) = p.as_obj() {
                    let d = pm.dict.clone();
                    self.dict_set_str(&d, &Value::str(short), module.clone())?;
                }
            }
        }
        Ok(module)
    }

    /// The code of the module in file `path`: from its bytecode cache when valid, else compiled (and
    /// cached; see crate::cache).
    pub fn module_code_for(
        &mut self,
        path: &std::path::Path,
    ) -> PyResult<std::rc::Rc<crate::code::Code>> {
        let bytes = std::fs::read(path).map_err(|e| {
            PyErr::new(
                ExcKind::ImportError,
                format!("cannot read {}: {}", path.display(), e),
            )
        })?;
        let filename = path.to_string_lossy().to_string();
        let src = crate::source::decode(&bytes, &filename)
            .map_err(|e| PyErr::new(ExcKind::SyntaxError, e.msg))?;
        let write = !self.dont_write_bytecode();
        crate::cache::module_code(self.opts.cache, write, path, &filename, &src)
            .map_err(|e| self.syntax_error(e))
    }

    /// Import a dotted name (each package along it), returning the last module.
    fn import_dotted(&mut self, full: &str) -> PyResult<Value> {
        let mut module = Value::None;
        let mut prefix = String::new();
        for (i, part) in full.split('.').enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(part);
            module = self.import_one(&prefix, &module)?;
        }
        Ok(module)
    }

    /// Find the file `pvm -m name` runs: module `name`, or `name/__main__.py` for a package (whose
    /// `__init__` is imported, as are the parent packages). `Ok(Err(message))` when there is none,
    /// worded as CPython's runpy words it.
    pub fn find_main_module(&mut self, name: &str) -> PyResult<Result<MainModule, String>> {
        if name.is_empty() || name.starts_with('.') {
            return Ok(Err("Relative module names not supported".into()));
        }
        let (parent, short) = match name.rsplit_once('.') {
            Some((p, s)) => (p, s),
            None => ("", name),
        };
        let parent_mod = if parent.is_empty() {
            Value::None
        } else {
            match self.import_dotted(parent) {
                Ok(m) => m,
                Err(e) if self.err_matches(&e, ExcKind::ImportError) => {
                    let mut e = e;
                    let obj = self.materialize(&mut e);
                    let line = self.exception_line(&obj);
                    return Ok(Err(format!(
                        "Error while finding module specification for '{}' ({})",
                        name, line
                    )));
                }
                Err(e) => return Err(e),
            }
        };
        if crate::builtins::modules::create(self, name).is_some() {
            return Ok(Err(format!("No code object available for {}", name)));
        }
        let dirs: Vec<PathBuf> = match parent_mod.as_obj() {
            Some(Object::Module(pm)) => match self.dict_get_str_quiet(&pm.dict, "__path__") {
                Some(p) => self
                    .collect(p)?
                    .iter()
                    .filter_map(|v| v.as_str().map(PathBuf::from))
                    .collect(),
                None => {
                    return Ok(Err(format!(
                        "Error while finding module specification for '{}' (ModuleNotFoundError: __path__ attribute not found on '{}' while trying to find '{}')",
                        name, parent, name
                    )))
                }
            },
            _ => self.sys_path(),
        };
        for dir in dirs {
            if dir.join(short).join("__init__.py").is_file() {
                self.import_one(name, &parent_mod)?;
                let main = dir.join(short).join("__main__.py");
                if main.is_file() {
                    return Ok(Ok(MainModule {
                        path: std::path::absolute(&main).unwrap_or(main),
                        package: name.to_string(),
                    }));
                }
                return Ok(Err(format!(
                    "No module named {}.__main__; '{}' is a package and cannot be directly executed",
                    name, name
                )));
            }
            let file = dir.join(format!("{}.py", short));
            if file.is_file() {
                return Ok(Ok(MainModule {
                    path: std::path::absolute(&file).unwrap_or(file),
                    package: parent.to_string(),
                }));
            }
        }
        Ok(Err(format!("No module named {}", name)))
    }

    /// Set `sys.argv[0]` (`-m` sets it to the module's file once found).
    pub fn set_sys_argv0(&mut self, arg0: &str) {
        let modules = Value::Obj(self.modules.clone());
        let sys = self.dict_get(&modules, &Value::str("sys")).ok().flatten();
        if let Some(Object::Module(m)) = sys.as_ref().and_then(|s| s.as_obj()) {
            if let Some(argv) = self.dict_get_str_quiet(&m.dict, "argv") {
                if let Some(Object::List(l)) = argv.as_obj() {
                    if let Some(first) = l.borrow_mut().first_mut() {
                        *first = Value::str(arg0);
                    }
                }
            }
        }
    }

    /// `sys.dont_write_bytecode` (initialised from `-B`/`PYTHONDONTWRITEBYTECODE`; a program may set it).
    fn dont_write_bytecode(&mut self) -> bool {
        let modules = Value::Obj(self.modules.clone());
        let sys = self.dict_get(&modules, &Value::str("sys")).ok().flatten();
        if let Some(Object::Module(m)) = sys.as_ref().and_then(|s| s.as_obj()) {
            if let Some(v) = self.dict_get_str_quiet(&m.dict, "dont_write_bytecode") {
                return self.truthy(&v).unwrap_or(false);
            }
        }
        !self.opts.cache.write
    }

    pub(crate) fn import_from(&mut self, m: &Value, name: &Value) -> PyResult<Value> {
        match self.getattr(m, name) {
            Ok(v) => Ok(v),
            Err(e) if !self.err_matches(&e, ExcKind::AttributeError) => Err(e),
            Err(_) => {
                let mname = match self.getattr(m, &Value::str("__name__")) {
                    Ok(v) => v.as_str().map(str::to_string),
                    Err(_) => None,
                };
                let n = name.as_str().unwrap_or("");
                if let Some(mname) = &mname {
                    // A submodule not imported yet (sys.modules may have it when a circular import
                    // is still running its body).
                    let sub = format!("{}.{}", mname, n);
                    let modules = Value::Obj(self.modules.clone());
                    if let Some(v) = self.dict_get(&modules, &Value::str(&sub))? {
                        return Ok(v);
                    }
                }
                let shown = mname
                    .clone()
                    .unwrap_or_else(|| "<unknown module name>".into());
                let path = match m.as_obj() {
                    Some(Object::Module(md)) => self.dict_get_str_quiet(&md.dict, "__file__"),
                    _ => None,
                };
                let location = match path.as_ref().and_then(|p| p.as_str()) {
                    Some(p) => p.to_string(),
                    None => "unknown location".into(),
                };
                let msg = if mname
                    .as_ref()
                    .is_some_and(|mn| self.initializing.contains(mn))
                {
                    format!(
                        "cannot import name '{n}' from partially initialized module '{shown}' \
                         (most likely due to a circular import) ({location})"
                    )
                } else {
                    format!("cannot import name '{n}' from '{shown}' ({location})")
                };
                Err(self.import_error(ExcKind::ImportError, msg, &shown, path))
            }
        }
    }

    pub(crate) fn import_star(&mut self, m: &Value, ns: &ObjRef) -> PyResult<()> {
        let Some(Object::Module(md)) = m.as_obj() else {
            return Ok(());
        };
        let all = self.dict_get_str_quiet(&md.dict, "__all__");
        let names: Vec<Value> = match all {
            Some(a) => self.collect(a)?,
            None => match &*md.dict {
                Object::Dict(d) => d
                    .borrow()
                    .keys()
                    .into_iter()
                    .filter(|k| !k.as_str().unwrap_or("_").starts_with('_'))
                    .collect(),
                _ => vec![],
            },
        };
        for n in names {
            if n.as_str().is_none() {
                return Err(crate::error::type_error(format!(
                    "Item in {}.__all__ must be str, not {}",
                    md.name,
                    self.type_name(&n)
                )));
            }
            let v = self.getattr(m, &n)?;
            self.dict_set_str(ns, &n, v)?;
        }
        Ok(())
    }

    pub(crate) fn print_expr(&mut self, v: Value) -> PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let r = self.repr(&v)?;
        use std::io::Write;
        let _ = writeln!(self.out, "{}", r);
        self.wrote_stdout();
        let b = self.builtins.clone();
        self.dict_set_str(&b, &Value::str("_"), v)?;
        Ok(())
    }

    /// A compile error as a Python SyntaxError exception.
    pub fn syntax_error(&mut self, e: crate::compiler::CompileError) -> PyErr {
        if e.kind == "RecursionError" {
            return PyErr::new(ExcKind::RecursionError, e.msg);
        }
        let kind = match e.kind {
            "IndentationError" => ExcKind::IndentationError,
            "TabError" => ExcKind::TabError,
            _ => ExcKind::SyntaxError,
        };
        let v = self.new_exception(self.exc_type(kind).clone(), vec![Value::str(&e.msg)]);
        if let Some(Object::Exception(ex)) = v.as_obj() {
            let mut d = ex.dict.borrow_mut();
            let set = |d: &mut crate::dict::Dict, k: &str, val: Value| {
                d.set_str(Value::str(k), crate::hash::hash_str(k), val)
            };
            set(&mut d, "filename", Value::str(&e.filename));
            set(
                &mut d,
                "lineno",
                if e.line == 0 {
                    Value::None
                } else {
                    Value::Int(e.line as i64)
                },
            );
            set(&mut d, "offset", Value::Int(e.col as i64));
            set(&mut d, "end_offset", Value::Int(e.end_col as i64));
            set(
                &mut d,
                "text",
                e.text
                    .clone()
                    .map(|t| Value::str(&t))
                    .unwrap_or(Value::None),
            );
            set(&mut d, "msg", Value::str(&e.msg));
        }
        match v {
            Value::Obj(o) => PyErr::from_obj(o),
            _ => PyErr::new(kind, e.msg),
        }
    }
}
