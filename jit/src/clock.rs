//! A clock cheap enough to time every trace run.
//!
//! `Instant::now` costs as much as a short trace run on some virtual machines (a `clock_gettime` that
//! leaves the vDSO), and sampling only some runs misses the one long run that matters (nbody's outer
//! loop is entered once and then stays in linked traces). On x86-64 the time-stamp counter costs a few
//! cycles; ticks are turned into time only when reported, at the rate measured since the driver started.

use std::time::{Duration, Instant};

/// The current tick count (monotonic within the process).
#[inline]
pub(crate) fn ticks() -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: `rdtsc` has no preconditions (it only reads the time-stamp counter), and every
        // x86-64 CPU has it.
        unsafe { core::arch::x86_64::_rdtsc() }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        use std::sync::OnceLock;
        static START: OnceLock<Instant> = OnceLock::new();
        START.get_or_init(Instant::now).elapsed().as_nanos() as u64
    }
}

/// Converts ticks to time by comparing the tick count with `Instant` over the whole run so far.
pub(crate) struct TickRate {
    ticks0: u64,
    t0: Instant,
}

impl TickRate {
    pub(crate) fn start() -> TickRate {
        TickRate {
            ticks0: ticks(),
            t0: Instant::now(),
        }
    }

    /// `n` ticks as time, at the rate observed since `start`.
    pub(crate) fn duration(&self, n: u64) -> Duration {
        let dt = ticks().saturating_sub(self.ticks0);
        let el = self.t0.elapsed();
        if dt == 0 {
            return Duration::ZERO;
        }
        el.mul_f64(n as f64 / dt as f64)
    }
}
