//! SIGINT → `KeyboardInterrupt`, as in CPython: the handler only records the signal
//! (`pvm_interp::interrupt::note_sigint`, async-signal safe); the interpreter raises `KeyboardInterrupt`
//! at its next safe point, and native trace code exits to the interpreter at its next loop back edge.
//! A process whose script died of an uncaught `KeyboardInterrupt` ends by re-raising SIGINT on itself
//! with the default action, so its parent sees "killed by SIGINT" (a shell reports status 130), exactly
//! like CPython.

extern "C" fn on_sigint(_sig: libc::c_int) {
    pvm_interp::interrupt::note_sigint();
}

/// Install the handler unless SIGINT is ignored (a background job of a non-interactive shell): like
/// CPython, leave an inherited SIG_IGN alone.
pub fn install_sigint_handler() {
    // SAFETY: sigaction with a zeroed struct is the documented way to query/set a handler; the handler
    // only performs an atomic fetch_or, which is async-signal safe.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old) != 0
            || old.sa_sigaction == libc::SIG_IGN
        {
            return;
        }
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::sigemptyset(&mut sa.sa_mask);
        // No SA_RESTART: a blocking read is interrupted (EINTR) rather than resumed.
        sa.sa_flags = 0;
        libc::sigaction(libc::SIGINT, &sa, std::ptr::null_mut());
    }
}

/// If the script died of `KeyboardInterrupt` (and that is the exit status: not after `-i`'s prompt),
/// end the process by SIGINT (does not return then).
pub fn exit_if_interrupted(status: i32) {
    if status != 130 || !pvm_interp::interrupt::died_of_sigint() {
        return;
    }
    // SAFETY: resetting SIGINT to its default action and sending it to ourselves; no memory is shared
    // with the handler.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::kill(libc::getpid(), libc::SIGINT);
    }
}
