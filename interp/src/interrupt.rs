//! Asynchronous requests to the running interpreter: SIGINT (`KeyboardInterrupt`) and run deadlines.
//!
//! A request is one bit in `ATTENTION`, a process-wide atomic word that the dispatch loop reads at its safe
//! points (`JumpBackward`, calls: the same places the cycle collector runs) and that every JIT trace reads
//! at its entry and at its loop back edge (`guard_intr`). The common case costs one load and a branch that
//! is never taken; everything else happens in `Vm::poll_attention`, the slow path.
//!
//! Signal handlers may only touch atomics (async-signal safety), so the handler that `pvm` installs calls
//! `note_sigint`, nothing else. Bits are cleared by the slow path of whichever interpreter sees them; a
//! deadline belongs to one `Vm` (`Vm::deadline`), which checks its own clock, so a poke that another
//! interpreter thread consumed is harmless: the watchdog keeps poking until its run has stopped.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A SIGINT arrived and was not yet turned into `KeyboardInterrupt`.
pub const SIGINT: u32 = 1;
/// Some run's deadline has passed (see `Watchdog`).
pub const DEADLINE: u32 = 2;
/// Weak reference callbacks or finalizers are queued (`gc::request_safe_point`): nothing to do in
/// `poll_attention` itself, but a JIT trace exits so that the interpreter reaches its safe point.
pub const SAFE_POINT: u32 = 4;

/// The request bits. Read with a plain (relaxed) load at every safe point, by the interpreter and by
/// native trace code (`attention_addr`).
pub static ATTENTION: AtomicU32 = AtomicU32::new(0);

/// Set when the main script died of an uncaught `KeyboardInterrupt`: the process should then end the
/// way CPython's does, by re-raising SIGINT on itself (exit status 130 in a shell).
static DIED_OF_SIGINT: AtomicBool = AtomicBool::new(false);

/// Is any request pending? (The fast check at safe points.)
#[inline(always)]
pub fn pending() -> bool {
    ATTENTION.load(Ordering::Relaxed) != 0
}

/// The address native code loads to check for requests (a `u32`, non-zero when one is pending).
pub fn attention_addr() -> usize {
    ATTENTION.as_ptr() as usize
}

/// Record a SIGINT. Async-signal safe: call it from a signal handler.
pub fn note_sigint() {
    ATTENTION.fetch_or(SIGINT, Ordering::SeqCst);
}

/// Raise request bits from the interpreter's own thread.
pub(crate) fn request(bits: u32) {
    ATTENTION.fetch_or(bits, Ordering::Relaxed);
}

/// Take the pending request bits (the slow path clears them before acting on them).
pub(crate) fn take() -> u32 {
    ATTENTION.swap(0, Ordering::SeqCst)
}

/// Put request bits back (a request this interpreter does not handle).
pub(crate) fn restore(bits: u32) {
    if bits != 0 {
        ATTENTION.fetch_or(bits, Ordering::SeqCst);
    }
}

pub fn set_died_of_sigint() {
    DIED_OF_SIGINT.store(true, Ordering::SeqCst);
}

pub fn died_of_sigint() -> bool {
    DIED_OF_SIGINT.load(Ordering::SeqCst)
}

/// Sleep for `d`, waking early for a pending request (so Ctrl-C interrupts `time.sleep` as in CPython).
/// Returns false if it woke early.
pub fn sleep(d: Duration) -> bool {
    let end = Instant::now() + d;
    loop {
        if pending() {
            return false;
        }
        let now = Instant::now();
        if now >= end {
            return true;
        }
        std::thread::sleep((end - now).min(Duration::from_millis(20)));
    }
}

/// Pokes the interpreter once a run's deadline has passed, and keeps poking (every few milliseconds)
/// until dropped: the run's `Vm` (whose `deadline` is the same instant) then stops with a fatal error
/// at its next safe point. Used by the fuzzers and tests to bound a run's time.
pub struct Watchdog {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Watchdog {
    pub fn start(deadline: Instant) -> Watchdog {
        let (tx, rx) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("pvm-watchdog".into())
            .spawn(move || {
                let now = Instant::now();
                if deadline > now {
                    if rx.recv_timeout(deadline - now) != Err(mpsc::RecvTimeoutError::Timeout) {
                        return;
                    }
                }
                loop {
                    ATTENTION.fetch_or(DEADLINE, Ordering::SeqCst);
                    if rx.recv_timeout(Duration::from_millis(5))
                        != Err(mpsc::RecvTimeoutError::Timeout)
                    {
                        return;
                    }
                }
            })
            .ok();
        Watchdog {
            stop: Some(tx),
            thread,
        }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
