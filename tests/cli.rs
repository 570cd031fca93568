//! The `pvm` command line as `python` users expect it: `-c`, `-m`, `-i`, `-u`, `-B`, `-E`, `-X`,
//! `PYTHONPATH`, `--version`, `-h`, stdin programs, `--dis` and the `dis` module, and compile errors
//! worded and laid out as CPython's (compared with CPython 3.11 when it is installed).

mod common;

use common::{pvm, python3, run, stderr, stdout, TempDir};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

fn pvm_out(dir: &TempDir, args: &[&str], stdin: Option<&str>) -> (String, String, i32) {
    let mut c = pvm(dir.path());
    c.args(args);
    let o = run(c, stdin);
    (stdout(&o), stderr(&o), o.status.code().unwrap_or(-1))
}

#[test]
fn dash_c_gets_its_arguments() {
    let d = TempDir::new("c");
    let (out, _, st) = pvm_out(
        &d,
        &[
            "-c",
            "import sys; print(sys.argv); print(sys.path[0] == '')",
            "a",
            "-x",
        ],
        None,
    );
    assert_eq!(out, "['-c', 'a', '-x']\nTrue\n");
    assert_eq!(st, 0);
    // Clustered options with the command attached.
    let (out, _, _) = pvm_out(&d, &["-Bcprint(7)"], None);
    assert_eq!(out, "7\n");
    // A traceback in -c code names <string> and shows no source line, as CPython's does.
    let (_, err, st) = pvm_out(&d, &["-c", "def f():\n    1/0\nf()"], None);
    assert_eq!(
        err,
        "Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n  File \"<string>\", line 2, in f\nZeroDivisionError: division by zero\n"
    );
    assert_eq!(st, 1);
}

#[test]
fn dash_m_runs_modules_and_packages() {
    let d = TempDir::new("m");
    d.write(
        "tool.py",
        "import sys\nprint(__name__, sys.argv[1:], sys.argv[0].endswith('tool.py'))\n",
    );
    d.write("pkg/__init__.py", "print('init', __name__)\n");
    d.write(
        "pkg/__main__.py",
        "import sys\nprint('main', __name__, __package__, sys.argv[1:])\n",
    );
    d.write("pkg/mod.py", "print('mod', __name__, __package__)\n");
    d.write("nomain/__init__.py", "");
    let (out, err, st) = pvm_out(&d, &["-m", "tool", "x", "-y"], None);
    assert_eq!(out, "__main__ ['x', '-y'] True\n", "{err}");
    assert_eq!(st, 0);
    let (out, _, _) = pvm_out(&d, &["-m", "pkg", "arg"], None);
    assert_eq!(out, "init pkg\nmain __main__ pkg ['arg']\n");
    let (out, _, _) = pvm_out(&d, &["-m", "pkg.mod"], None);
    assert_eq!(out, "init pkg\nmod __main__ pkg\n");
    let (out, err, st) = pvm_out(&d, &["-m", "nosuch"], None);
    assert_eq!(
        (out.as_str(), err.as_str(), st),
        ("", "pvm: No module named nosuch\n", 1)
    );
    let (_, err, st) = pvm_out(&d, &["-m", "nomain"], None);
    assert_eq!(
        err,
        "pvm: No module named nomain.__main__; 'nomain' is a package and cannot be directly executed\n"
    );
    assert_eq!(st, 1);
    // Found through PYTHONPATH too.
    let other = TempDir::new("m-path");
    other.write("elsewhere.py", "print('found elsewhere')\n");
    let mut c = pvm(d.path());
    c.env("PYTHONPATH", other.path()).args(["-m", "elsewhere"]);
    assert_eq!(stdout(&run(c, None)), "found elsewhere\n");
}

#[test]
fn pythonpath_and_dash_e() {
    let d = TempDir::new("pp");
    let lib = TempDir::new("pp-lib");
    lib.write("helper.py", "VALUE = 42\n");
    d.write("main.py", "import helper\nprint(helper.VALUE)\n");
    let mut c = pvm(d.path());
    c.env("PYTHONPATH", lib.path()).arg("main.py");
    assert_eq!(stdout(&run(c, None)), "42\n");
    let mut c = pvm(d.path());
    c.env("PYTHONPATH", lib.path()).args(["-E", "main.py"]);
    let o = run(c, None);
    assert!(stderr(&o).ends_with("ModuleNotFoundError: No module named 'helper'\n"));
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn version_help_and_usage_errors() {
    let d = TempDir::new("v");
    let (out, _, st) = pvm_out(&d, &["--version"], None);
    assert!(out.starts_with("Python 3.11.7 (pvm "), "{out}");
    assert_eq!(st, 0);
    assert_eq!(pvm_out(&d, &["-V"], None).0, out);
    let (out, _, st) = pvm_out(&d, &["-h"], None);
    assert!(out.starts_with("usage: pvm [option] ..."));
    for opt in [
        "-m mod",
        "-X opt",
        "pvm-cache-verbose",
        "importtime",
        "--dis",
        "PYTHONPATH",
    ] {
        assert!(out.contains(opt), "help lacks {opt}");
    }
    assert_eq!(st, 0);
    let (_, err, st) = pvm_out(&d, &["-z"], None);
    assert!(err.starts_with("Unknown option: -z\nusage: pvm"), "{err}");
    assert_eq!(st, 2);
    let (_, err, st) = pvm_out(&d, &["-c"], None);
    assert!(
        err.starts_with("Argument expected for the -c option"),
        "{err}"
    );
    assert_eq!(st, 2);
}

#[test]
fn xoptions_and_importtime() {
    let d = TempDir::new("x");
    d.write("a.py", "import b\n");
    d.write("b.py", "X = 1\n");
    let (out, err, _) = pvm_out(
        &d,
        &[
            "-X",
            "importtime",
            "-X",
            "foo=bar",
            "-c",
            "import sys, a; print(sorted(sys._xoptions.items()))",
        ],
        None,
    );
    assert_eq!(out, "[('foo', 'bar'), ('importtime', True)]\n");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        "import time: self [us] | cumulative | imported package"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("import time:") && l.ends_with("|   b")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("import time:") && l.ends_with("| a")),
        "{err}"
    );
}

#[test]
fn stdin_programs() {
    let d = TempDir::new("stdin");
    let prog = "import sys\nprint(sys.argv)\nprint(sum(range(5)))\n";
    let (out, _, _) = pvm_out(&d, &[], Some(prog));
    assert_eq!(out, "['']\n10\n");
    let (out, _, _) = pvm_out(&d, &["-", "a", "b"], Some(prog));
    assert_eq!(out, "['-', 'a', 'b']\n10\n");
}

#[test]
fn dash_i_runs_the_repl_after_the_program() {
    let d = TempDir::new("i");
    d.write("prog.py", "x = 6\ndef sq(n):\n    return n * n\n");
    let (out, err, st) = pvm_out(
        &d,
        &["-i", "prog.py"],
        Some("sq(x)\n_ + 1\nfor i in range(2):\n    print(i)\n\n1/0\nprint('still here')\n"),
    );
    assert_eq!(out, "36\n37\n0\n1\nstill here\n");
    assert!(err.contains("ZeroDivisionError: division by zero"), "{err}");
    assert!(err.starts_with(">>> "), "prompts go to stderr: {err}");
    assert!(err.contains("... "), "{err}");
    assert_eq!(st, 0);
    // sys.exit in the session ends it with its status; -i after a failing script still starts it.
    let (out, _, st) = pvm_out(
        &d,
        &["-i", "-c", "1/0"],
        Some("print('in repl')\nimport sys; sys.exit(4)\n"),
    );
    assert_eq!(out, "in repl\n");
    assert_eq!(st, 4);
}

#[test]
fn dash_u_writes_through() {
    let d = TempDir::new("u");
    for (args, unbuffered) in [(vec!["-u"], true), (vec![], false)] {
        let mut c = pvm(d.path());
        c.args(&args)
            .args(["-c", "print('ready')\nwhile True:\n    pass\n"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .stdin(Stdio::null());
        let mut child = c.spawn().unwrap();
        let out = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(out).read_line(&mut line);
            let _ = tx.send(line);
        });
        let got = rx.recv_timeout(Duration::from_millis(if unbuffered { 10_000 } else { 500 }));
        let _ = child.kill();
        let _ = child.wait();
        if unbuffered {
            assert_eq!(got.unwrap(), "ready\n");
        } else {
            assert!(got.is_err(), "stdout should be buffered without -u");
        }
    }
    // PYTHONUNBUFFERED does the same.
    let mut c = pvm(d.path());
    c.env("PYTHONUNBUFFERED", "1")
        .args(["-c", "print('ready')\nwhile True:\n    pass\n"])
        .stdout(Stdio::piped())
        .stdin(Stdio::null());
    let mut child = c.spawn().unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(out).read_line(&mut line);
        let _ = tx.send(line);
    });
    let got = rx.recv_timeout(Duration::from_secs(10));
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(got.unwrap(), "ready\n");
}

#[test]
fn dis_listing_and_module() {
    let d = TempDir::new("dis");
    d.write(
        "prog.py",
        "def add(a, b):\n    return a + b\nprint(add(1, 2))\n",
    );
    let (out, _, st) = pvm_out(&d, &["--dis", "prog.py"], None);
    assert_eq!(st, 0);
    assert!(
        out.contains("Disassembly of <code object add at line 1>:"),
        "{out}"
    );
    assert!(out.contains("   2        0 LoadFast2"), "{out}");
    assert!(out.contains("BinaryOp"), "{out}");
    let (out, err, st) = pvm_out(
        &d,
        &["-c", "import dis\ndef add(a, b):\n    return a + b\ndis.dis(add)\nprint('LoadFast' in dis.opname, dis.opmap['ReturnValue'] == dis.opname.index('ReturnValue'))"],
        None,
    );
    assert_eq!(st, 0, "{err}");
    assert!(
        out.starts_with("Disassembly of <code object add at line 2>:\n   3 "),
        "{out}"
    );
    assert!(out.contains("ReturnValue"), "{out}");
    assert!(out.ends_with("True True\n"), "{out}");
}

/// Compile errors: the same stderr as CPython's for the classic cases.
#[test]
fn compile_errors_match_cpython() {
    let Some(py) = python3() else {
        eprintln!("skipped: no CPython 3.11");
        return;
    };
    let d = TempDir::new("syntax");
    let cases = [
        "x = (1,\n",
        "print('a'\nprint('b')\n",
        "if True\n    pass\n",
        "def f():\nreturn 1\n",
        "if 1:\n    x = 1\n      y = 2\n",
        "if 1:\n        x = 1\n    y = 2\n",
        "if 1:\n\tx = 1\n        y = 2\n",
        "x = 1 +\n",
        "1 = x\n",
        "for x in range(3):\n    pass\n  pass\n",
        "class C:\npass\n",
        "s = 'abc\n",
        "return 5\n",
        "x = [1, 2\ny = 3\n",
        "x = [(1,\n",
        "x = [(1,\n2)\ny = 3\n",
    ];
    let mut failures = Vec::new();
    for (i, src) in cases.iter().enumerate() {
        let name = format!("bad{i}.py");
        d.write(&name, src);
        let ours = pvm_out(&d, &[&name], None);
        let theirs = Command::new(&py)
            .arg(&name)
            .current_dir(d.path())
            .env_clear()
            .output()
            .unwrap();
        let theirs_err = String::from_utf8_lossy(&theirs.stderr).to_string();
        if ours.1 != theirs_err || ours.2 != theirs.status.code().unwrap_or(-1) {
            failures.push(format!(
                "--- {src:?}\nCPython:\n{theirs_err}pvm (status {}):\n{}",
                ours.2, ours.1
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
