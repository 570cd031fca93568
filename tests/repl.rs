//! The REPL driven through a pseudo-terminal, typed as a person would: prompts, expressions and `_`,
//! a multi-line block, an exception that does not end the session, Ctrl-C on a half-typed line, recalling
//! a line with the up arrow, Ctrl-D, and the history file.

mod common;

use common::{pvm, TempDir};
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Pty {
    master: File,
    /// Everything the program wrote to the terminal so far.
    screen: Arc<Mutex<Vec<u8>>>,
    /// How much of `screen` earlier `expect`s consumed.
    seen: usize,
    child: Child,
}

impl Pty {
    fn spawn(mut cmd: std::process::Command) -> Pty {
        let (mut master, mut slave) = (0, 0);
        let ws = libc::winsize {
            ws_row: 24,
            ws_col: 100,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two descriptors into the given ints; the other pointers may be null
        // (no name) or point to a valid winsize.
        let r = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &ws,
            )
        };
        assert_eq!(r, 0, "openpty failed");
        // SAFETY: both descriptors were just opened by openpty and are owned here.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().unwrap());
        cmd.stdin(io(&slave)).stdout(io(&slave)).stderr(io(&slave));
        // SAFETY: only async-signal-safe calls (setsid, ioctl) between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn pvm on a pty");
        drop(slave);
        let master = File::from(master);
        let screen = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().unwrap();
        let sink = screen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            // Ends with EIO once the child is gone.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            master,
            screen,
            seen: 0,
            child,
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).into_owned()
    }

    /// Wait until `what` appears after what earlier expectations consumed; consume through it.
    fn expect(&mut self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            {
                let s = self.screen.lock().unwrap();
                let hay = String::from_utf8_lossy(&s[self.seen.min(s.len())..]).into_owned();
                if let Some(i) = hay.find(what) {
                    self.seen += hay[..i + what.len()].len();
                    return;
                }
            }
            if Instant::now() > deadline {
                panic!(
                    "timed out waiting for {:?}; screen so far:\n{}",
                    what,
                    self.text()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Type keys (a line ends with "\r", as the Enter key sends).
    fn send(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    fn line(&mut self, text: &str) {
        self.send(text);
        self.send("\r");
    }

    fn wait(&mut self) -> i32 {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                return st.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("pvm did not exit; screen:\n{}", self.text());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = self.master.as_raw_fd();
    }
}

fn session(dir: &TempDir, args: &[&str]) -> Pty {
    let mut cmd = pvm(dir.path());
    cmd.args(args)
        .env("TERM", "xterm")
        .env("PVM_HISTFILE", dir.path().join("history"));
    Pty::spawn(cmd)
}

#[test]
fn typing_at_the_prompt() {
    let dir = TempDir::new("repl");
    let mut t = session(&dir, &[]);
    t.expect("Type Ctrl-D to exit");
    t.expect(">>> ");
    t.line("1 + 2");
    t.expect("3\r\n");
    t.expect(">>> ");
    t.line("_ * 10");
    t.expect("30\r\n");
    t.expect(">>> ");
    // A block: `...` until a blank line.
    t.line("def twice(x):");
    t.expect("... ");
    t.line("    return x * 2");
    t.expect("... ");
    t.line("");
    t.expect(">>> ");
    t.line("twice(21)");
    t.expect("42\r\n");
    t.expect(">>> ");
    // An open bracket continues the entry; None results print nothing.
    t.line("pair = (1,");
    t.expect("... ");
    t.line("2)");
    t.expect(">>> ");
    t.line("pair");
    t.expect("(1, 2)\r\n");
    t.expect(">>> ");
    // An exception prints a traceback and the session goes on.
    t.line("twice(None) + 1/0");
    t.expect("Traceback (most recent call last):");
    t.expect("TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'");
    t.expect(">>> ");
    t.line("1 +* 2");
    t.expect("SyntaxError: invalid syntax");
    t.expect(">>> ");
    // Ctrl-C discards a half-typed line.
    t.send("this is not python");
    t.send("\x03");
    t.expect("KeyboardInterrupt");
    t.expect(">>> ");
    t.line("pair");
    t.expect("(1, 2)\r\n");
    t.expect(">>> ");
    // Up arrow recalls the previous line.
    t.send("\x1b[A");
    t.send("\r");
    t.expect("(1, 2)\r\n");
    t.expect(">>> ");
    t.line("print('done', _)");
    t.expect("done (1, 2)\r\n");
    t.expect(">>> ");
    t.line("print('bye')");
    t.expect("bye\r\n");
    t.expect(">>> ");
    // Ctrl-D ends the session with status 0 and saves the history.
    t.send("\x04");
    assert_eq!(t.wait(), 0, "{}", t.text());
    let hist = std::fs::read_to_string(dir.path().join("history")).unwrap();
    assert!(hist.contains("twice(21)"), "{hist}");
    assert!(hist.contains("    return x * 2"), "{hist}");
    assert!(!hist.contains("this is not python"), "{hist}");
    // The next session starts with that history.
    let mut t = session(&dir, &["-q"]);
    t.expect(">>> ");
    t.send("\x1b[A");
    t.send("\r");
    t.expect("bye\r\n");
    t.expect(">>> ");
    t.line("import sys; sys.exit(3)");
    assert_eq!(t.wait(), 3, "{}", t.text());
    assert!(!t.text().contains("Type Ctrl-D"), "-q prints no banner");
}

#[test]
fn dash_i_on_a_terminal() {
    let dir = TempDir::new("repl-i");
    dir.write("prog.py", "greeting = 'hello'\nprint('script ran')\n");
    let mut t = session(&dir, &["-i", "prog.py"]);
    t.expect("script ran");
    t.expect(">>> ");
    t.line("greeting.upper()");
    t.expect("'HELLO'\r\n");
    t.expect(">>> ");
    t.send("\x04");
    assert_eq!(t.wait(), 0, "{}", t.text());
}
