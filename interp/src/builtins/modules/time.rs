//! `time`: clocks and sleep.

use crate::builtins::register;
use crate::error::value_error;
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
        if s < 0.0 {
            return Err(value_error("sleep length must be non-negative"));
        }
        vm.flush_stdout();
        std::thread::sleep(std::time::Duration::from_secs_f64(s));
        Ok(Value::None)
    });
}

fn monotonic_secs() -> f64 {
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    START.with(|s| s.elapsed().as_secs_f64())
}
