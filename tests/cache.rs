//! The bytecode cache (`__pycache__/<name>.pvm-<format>.pvmc`): written on the first import, used on the
//! next, rewritten when stale; every way of damaging a cache file leaves the program's output unchanged;
//! `-B`, `PYTHONDONTWRITEBYTECODE`, `sys.dont_write_bytecode` and `-X pvm-cache=off` are honoured.
//! Hits and misses are observed through `-X pvm-cache-verbose`.

mod common;

use common::{pvm, run, stderr, stdout, TempDir};
use std::path::{Path, PathBuf};

const MODULE: &str = "\
'''A module with a bit of everything the cache stores.'''
BIG = 10 ** 30
def f(x, *args, key=None, **kw):
    '''A module with a bit of everything the cache stores.'''
    def inner():
        return x
    try:
        return inner() + sum(args), {3, 1, 2}, (1, 'two', 3.0, b'four', ..., -BIG), key
    except TypeError as e:
        return str(e)
class K:
    def m(self):
        return [i * i for i in range(4)] + sorted({'b', 'a'})
def boom():
    return 1 / 0
";

const MAIN: &str = "\
import mod
print(mod.f.__doc__)
print(mod.f(1, 2, 3, key='k'))
print(mod.K().m(), mod.BIG)
for x in {5, 13, 21, 29}:
    print(x, end=' ')
print()
mod.boom()
";

struct Project {
    dir: TempDir,
}

impl Project {
    fn new(tag: &str) -> Project {
        let dir = TempDir::new(tag);
        dir.write("mod.py", MODULE);
        dir.write("main.py", MAIN);
        Project { dir }
    }
    fn cache_file(&self) -> PathBuf {
        let dir = self.dir.path().join("__pycache__");
        let found = std::fs::read_dir(&dir).ok().and_then(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .find(|p| p.to_string_lossy().ends_with(".pvmc"))
        });
        found.unwrap_or_else(|| panic!("no .pvmc file in {}", dir.display()))
    }
    /// (stdout, stderr, exit status) of `pvm -X pvm-cache-verbose [extra] main.py`.
    fn run(&self, extra: &[&str]) -> (String, String, i32) {
        let mut c = pvm(self.dir.path());
        c.arg("-X")
            .arg("pvm-cache-verbose")
            .args(extra)
            .arg("main.py");
        let o = run(c, None);
        (stdout(&o), stderr(&o), o.status.code().unwrap_or(-1))
    }
}

fn cache_lines(err: &str) -> Vec<&str> {
    err.lines()
        .filter(|l| l.starts_with("pvm-cache:"))
        .collect()
}

/// The expected output: the program's, whatever the cache did.
fn check_output(out: &str, err: &str, status: i32) {
    assert_eq!(
        out,
        "A module with a bit of everything the cache stores.\n\
         (6, {1, 2, 3}, (1, 'two', 3.0, b'four', Ellipsis, -1000000000000000000000000000000), 'k')\n\
         [0, 1, 4, 9, 'a', 'b'] 1000000000000000000000000000000\n\
         5 13 21 29 \n"
    );
    assert_eq!(status, 1);
    // The traceback through the cached module still shows its source line and caret line.
    assert!(
        err.contains("    return 1 / 0\n           ~~^~~\nZeroDivisionError: division by zero"),
        "{}",
        err
    );
}

#[test]
fn first_run_writes_second_run_hits() {
    let p = Project::new("hit");
    let (out, err, st) = p.run(&[]);
    check_output(&out, &err, st);
    let lines = cache_lines(&err);
    assert!(
        lines[0].contains("miss") && lines[0].contains("no cache file"),
        "{err}"
    );
    assert!(lines[1].starts_with("pvm-cache: wrote"), "{err}");
    let file = p.cache_file();
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    assert!(name.starts_with("mod.pvm-") && name.len() == "mod.pvm-12345678.pvmc".len());
    // No temporary files left behind.
    assert_eq!(
        std::fs::read_dir(file.parent().unwrap()).unwrap().count(),
        1
    );
    let (out2, err2, st2) = p.run(&[]);
    check_output(&out2, &err2, st2);
    assert_eq!(cache_lines(&err2).len(), 1, "{err2}");
    assert!(
        cache_lines(&err2)[0].starts_with("pvm-cache: hit"),
        "{err2}"
    );
}

#[test]
fn edited_source_is_recompiled_and_rewritten() {
    let p = Project::new("stale");
    p.run(&[]);
    let before = std::fs::read(p.cache_file()).unwrap();
    // Same size, different content: caught by the source hash even within one mtime tick.
    p.dir
        .write("mod.py", &MODULE.replace("range(4)", "range(3)"));
    let (out, err, _) = p.run(&[]);
    assert!(out.contains("[0, 1, 4, 'a', 'b']"), "{out}");
    assert!(err.contains("stale (the source changed)"), "{err}");
    assert_ne!(std::fs::read(p.cache_file()).unwrap(), before);
    let (_, err, _) = p.run(&[]);
    assert!(cache_lines(&err)[0].starts_with("pvm-cache: hit"), "{err}");
}

/// Each way of damaging the file: the output is unchanged, the reason is reported, and the file is
/// rewritten so that the next run hits again (except where the damage cannot be undone by pvm).
#[test]
fn every_corruption_is_ignored_and_repaired() {
    type Damage = fn(&Path);
    let damages: Vec<(&str, Damage, bool)> = vec![
        ("empty file", |f| std::fs::write(f, b"").unwrap(), true),
        (
            "truncated in the header",
            |f| {
                let b = std::fs::read(f).unwrap();
                std::fs::write(f, &b[..20]).unwrap()
            },
            true,
        ),
        (
            "truncated in the payload",
            |f| {
                let b = std::fs::read(f).unwrap();
                std::fs::write(f, &b[..b.len() / 2]).unwrap()
            },
            true,
        ),
        (
            "one byte short",
            |f| {
                let b = std::fs::read(f).unwrap();
                std::fs::write(f, &b[..b.len() - 1]).unwrap()
            },
            true,
        ),
        (
            "garbage appended",
            |f| {
                let mut b = std::fs::read(f).unwrap();
                b.extend_from_slice(b"junk");
                std::fs::write(f, b).unwrap()
            },
            true,
        ),
        ("bad magic", |f| flip(f, 1), true),
        ("other format version", |f| flip(f, 9), true),
        ("reserved header bits", |f| flip(f, 13), true),
        ("other build fingerprint", |f| flip(f, 17), true),
        ("wrong source size", |f| flip(f, 25), true),
        ("wrong source hash", |f| flip(f, 33), true),
        ("wrong payload length", |f| flip(f, 41), true),
        ("wrong payload checksum", |f| flip(f, 49), true),
        ("flipped byte early in the payload", |f| flip(f, 60), true),
        (
            "flipped byte in the middle",
            |f| {
                let n = std::fs::metadata(f).unwrap().len() as usize;
                flip(f, n / 2)
            },
            true,
        ),
        (
            "flipped last byte",
            |f| {
                let n = std::fs::metadata(f).unwrap().len() as usize;
                flip(f, n - 1)
            },
            true,
        ),
        (
            "every byte inverted",
            |f| {
                let b: Vec<u8> = std::fs::read(f).unwrap().iter().map(|x| !x).collect();
                std::fs::write(f, b).unwrap()
            },
            true,
        ),
        (
            "a text file",
            |f| std::fs::write(f, "print('not bytecode')\n".repeat(10)).unwrap(),
            true,
        ),
        (
            "a CPython .pyc",
            |f| {
                let mut b = vec![0xa7, 0x0d, 0x0d, 0x0a];
                b.extend(std::iter::repeat(0u8).take(200));
                std::fs::write(f, b).unwrap()
            },
            true,
        ),
        (
            "a directory in its place",
            |f| {
                std::fs::remove_file(f).unwrap();
                std::fs::create_dir(f).unwrap();
                std::fs::write(f.join("x"), "x").unwrap();
            },
            false,
        ),
        (
            "a dangling symlink",
            |f| {
                std::fs::remove_file(f).unwrap();
                std::os::unix::fs::symlink("/nonexistent/pvm/cache", f).unwrap();
            },
            true,
        ),
    ];
    for (what, damage, repaired) in damages {
        let p = Project::new("corrupt");
        p.run(&[]);
        let file = p.cache_file();
        damage(&file);
        let (out, err, st) = p.run(&[]);
        check_output(&out, &err, st);
        let lines = cache_lines(&err);
        assert!(lines[0].contains("miss"), "{what}: {err}");
        assert!(!err.contains("panicked"), "{what}: {err}");
        let (out, err, st) = p.run(&[]);
        check_output(&out, &err, st);
        if repaired {
            assert!(
                cache_lines(&err)[0].starts_with("pvm-cache: hit"),
                "{what}: not rewritten: {err}"
            );
        }
    }
}

fn flip(f: &Path, at: usize) {
    let mut b = std::fs::read(f).unwrap();
    b[at] ^= 0x10;
    std::fs::write(f, b).unwrap();
}

#[test]
fn pycache_that_is_a_file_is_fine() {
    let p = Project::new("pycfile");
    p.dir.write("__pycache__", "not a directory");
    let (out, err, st) = p.run(&[]);
    check_output(&out, &err, st);
    assert!(err.contains("could not write"), "{err}");
    let (out, err, st) = p.run(&[]);
    check_output(&out, &err, st);
}

#[test]
fn writing_can_be_turned_off() {
    let p = Project::new("nowrite");
    let pyc = p.dir.path().join("__pycache__");
    let (out, err, st) = p.run(&["-B"]);
    check_output(&out, &err, st);
    assert!(!pyc.exists(), "-B wrote a cache");
    let mut c = pvm(p.dir.path());
    c.env("PYTHONDONTWRITEBYTECODE", "1").arg("main.py");
    run(c, None);
    assert!(!pyc.exists(), "PYTHONDONTWRITEBYTECODE wrote a cache");
    // -E ignores the variable.
    let mut c = pvm(p.dir.path());
    c.env("PYTHONDONTWRITEBYTECODE", "1")
        .args(["-E", "main.py"]);
    run(c, None);
    assert!(pyc.exists(), "-E did not ignore PYTHONDONTWRITEBYTECODE");
    std::fs::remove_dir_all(&pyc).unwrap();
    p.dir.write(
        "setflag.py",
        "import sys\nsys.dont_write_bytecode = True\nimport mod\n",
    );
    let mut c = pvm(p.dir.path());
    c.arg("setflag.py");
    run(c, None);
    assert!(
        !pyc.exists(),
        "sys.dont_write_bytecode = True wrote a cache"
    );
    let (out, err, st) = p.run(&["-X", "pvm-cache=off"]);
    check_output(&out, &err, st);
    assert!(!pyc.exists());
    assert!(cache_lines(&err).is_empty(), "{err}");
}

#[test]
fn packages_and_dash_m_are_cached_main_script_is_not() {
    let d = TempDir::new("pkgcache");
    d.write("pkg/__init__.py", "X = 'init'\n");
    d.write("pkg/sub.py", "Y = 'sub'\n");
    d.write(
        "pkg/__main__.py",
        "from . import sub\nfrom pkg import X\nprint(X, sub.Y)\n",
    );
    for _ in 0..2 {
        let mut c = pvm(d.path());
        c.args(["-X", "pvm-cache-verbose", "-m", "pkg"]);
        let o = run(c, None);
        assert_eq!(stdout(&o), "init sub\n", "{}", stderr(&o));
    }
    let mut c = pvm(d.path());
    c.args(["-X", "pvm-cache-verbose", "-m", "pkg"]);
    let o = run(c, None);
    let err = stderr(&o);
    assert_eq!(cache_lines(&err).len(), 3, "{err}");
    assert!(
        cache_lines(&err)
            .iter()
            .all(|l| l.starts_with("pvm-cache: hit")),
        "{err}"
    );
    for f in ["__init__", "sub", "__main__"] {
        let listing: Vec<String> = std::fs::read_dir(d.path().join("pkg/__pycache__"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        assert!(
            listing.iter().any(|n| n.starts_with(&format!("{f}.pvm-"))),
            "{listing:?}"
        );
    }
    // A script run directly is compiled every time and never cached.
    d.write("script.py", "import pkg\nprint(pkg.X)\n");
    let mut c = pvm(d.path());
    c.args(["-X", "pvm-cache-verbose", "script.py"]);
    let o = run(c, None);
    assert_eq!(stdout(&o), "init\n");
    assert!(!d.path().join("__pycache__").exists());
}

/// The bar: a second run importing a module of several thousand lines loads it from the cache instead of
/// compiling it (the figures themselves are measured by hand, see README).
#[test]
fn large_module_second_run_skips_compiling() {
    let d = TempDir::new("large");
    let mut src = String::new();
    let mut i = 0;
    while src.lines().count() < 3000 {
        src.push_str(&format!(
            "def f{i}(a, b={i}):\n    x = [a, b, {i}, 'k{i}']\n    for j in range(a):\n        x.append(j * {i})\n    return sum(x[:3])\n\n"
        ));
        i += 1;
    }
    src.push_str(&format!("N = {i}\n"));
    d.write("big.py", &src);
    d.write("main.py", "import big\nprint(big.N, big.f7(3))\n");
    let go = || {
        let mut c = pvm(d.path());
        c.args(["-X", "pvm-cache-verbose", "main.py"]);
        let o = run(c, None);
        (stdout(&o), stderr(&o))
    };
    let (out1, err1) = go();
    let (out2, err2) = go();
    assert_eq!(out1, format!("{i} 17\n"));
    assert_eq!(out1, out2);
    assert!(
        err1.contains("miss") && err1.contains("compiled in"),
        "{err1}"
    );
    assert!(
        err2.starts_with("pvm-cache: hit") && !err2.contains("compiled"),
        "{err2}"
    );
}
