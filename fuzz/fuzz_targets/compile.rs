//! Parse + compile arbitrary source: never a panic. Source that compiles must also survive the bytecode
//! cache (encode, decode, verify): the compiler's output is what `cache/verify.rs` accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pvm_interp::cache::{format, hash64};

fuzz_target!(|data: &[u8]| {
    // Bytes are decoded as pvm decodes a script (PEP 263 declarations, BOM, UTF-8 errors).
    let Ok(src) = pvm_interp::source::decode(data, "<fuzz>") else {
        return;
    };
    let code = match pvm_interp::compiler::compile_module(&src, "<fuzz>") {
        Ok(c) => c,
        Err(_) => return,
    };
    let stamp = format::SourceStamp {
        size: src.len() as u64,
        hash: hash64(src.as_bytes()),
    };
    let bytes = format::encode(&code, stamp).expect("compiled code encodes");
    format::check_header(&bytes, stamp).expect("a fresh cache file's header checks");
    format::decode(&bytes, "<fuzz>", src.as_str().into()).expect("compiled code passes the cache's verifier");
});
