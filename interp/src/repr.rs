//! repr of compile-time constants, for listings (no interpreter needed).

use crate::object::Object;
use crate::value::Value;

pub fn const_repr(v: &Value) -> String {
    match v {
        Value::None | Value::Undef => "None".into(),
        Value::Bool(b) => (if *b { "True" } else { "False" }).into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => crate::numfmt::float_repr(*f),
        Value::Obj(o) => match &**o {
            Object::Str(s) => crate::numfmt::py_str_repr(s.as_str()),
            Object::Int(b) => b.to_string(),
            Object::Tuple(t) => {
                let inner: Vec<String> = t.iter().map(const_repr).collect();
                if t.len() == 1 {
                    format!("({},)", inner[0])
                } else {
                    format!("({})", inner.join(", "))
                }
            }
            Object::Code(c) => format!("<code object {}>", c.qualname),
            Object::Bytes(b) => crate::vm::text::bytes_repr(b),
            _ => "<const>".into(),
        },
    }
}
