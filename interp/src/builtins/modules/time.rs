//! `time`: clocks and sleep.

use crate::builtins::register;
use crate::error::{overflow_error, value_error};
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

pub(super) fn init(_vm: &mut Vm, d: &ObjRef) {
    register(d, "time", |_vm, _a, _k| {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0);
        Ok(Value::Float(t))
    });
    register(d, "perf_counter", |_vm, _a, _k| {
        Ok(Value::Float(monotonic_secs()))
    });
    register(d, "monotonic", |_vm, _a, _k| {
        Ok(Value::Float(monotonic_secs()))
    });
    register(d, "process_time", |_vm, _a, _k| {
        Ok(Value::Float(monotonic_secs()))
    });
    register(d, "sleep", |vm, a, _k| {
        let s = a
            .first()
            .map(|v| super::math::to_f64(vm, v))
            .transpose()?
            .unwrap_or(0.0);
        if s.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        if s < 0.0 {
            return Err(value_error("sleep length must be non-negative"));
        }
        // CPython's limits: a float's seconds must fit a time_t, and the nanoseconds an i64.
        if matches!(a.first(), Some(Value::Float(_))) && s >= 9.223372036854775807e18 {
            return Err(overflow_error("timestamp out of range for platform time_t"));
        }
        if s >= 9.223372036854775807e9 {
            return Err(overflow_error(
                "timestamp too large to convert to C _PyTime_t",
            ));
        }
        vm.flush_stdout();
        // Wakes early for Ctrl-C; the dispatch loop's next safe point raises KeyboardInterrupt (and a
        // sleep of the rest is not resumed, as in CPython).
        if !crate::interrupt::sleep(std::time::Duration::from_secs_f64(s)) {
            vm.poll_attention()?;
        }
        Ok(Value::None)
    });
}

fn monotonic_secs() -> f64 {
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    START.with(|s| s.elapsed().as_secs_f64())
}
