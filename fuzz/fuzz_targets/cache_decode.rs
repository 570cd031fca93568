//! The bytecode cache's decoder and verifier on arbitrary payloads: a corrupt cache file is rejected,
//! never a panic (and never code that the dispatch loop's unchecked accesses could trip on).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pvm_interp::cache::format;

fuzz_target!(|data: &[u8]| {
    // The header (magic, fingerprint, checksums) is checked separately; the payload after it is what
    // the decoder must survive.
    let mut file = vec![0u8; format::HEADER_LEN];
    file.extend_from_slice(data);
    let _ = format::decode(&file, "<fuzz>", "x = 1\n".into());
});
