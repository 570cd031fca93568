//! Build script.
//! * Embeds the pure-Python part of the standard library (`lib/`) in the binary: generates a table of
//!   (module name, is package, source) with `include_str!`, so adding a module is just adding a file.
//! * Fingerprints the sources that decide what compiled bytecode looks like (the compiler, the opcode
//!   table, code objects, the cache format), so a bytecode cache written by a pvm built from different
//!   sources is recognised as stale even when the opcode table did not change (see src/cache).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, bool, PathBuf)>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            let init = p.join("__init__.py");
            if init.is_file() {
                let full = format!("{}{}", prefix, name);
                out.push((full.clone(), true, init));
                walk(&p, &format!("{}.", full), out);
            }
        } else if let Some(stem) = name.strip_suffix(".py") {
            if stem != "__init__" {
                out.push((format!("{}{}", prefix, stem), false, p.clone()));
            }
        }
    }
}

/// The `.rs` files under `p` (or `p` itself).
fn rust_files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        if let Ok(rd) = std::fs::read_dir(p) {
            for e in rd.flatten() {
                rust_files(&e.path(), out);
            }
        }
    } else if p.extension().is_some_and(|e| e == "rs") {
        out.push(p.to_path_buf());
    }
}

/// FNV-1a over the package version and (path, contents) of the compiler's sources, in a fixed order.
fn compiler_fingerprint() {
    let mut files = Vec::new();
    for r in [
        "src/bytecode.rs",
        "src/code.rs",
        "src/compiler",
        "src/cache",
    ] {
        println!("cargo:rerun-if-changed={}", r);
        rust_files(Path::new(r), &mut files);
    }
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(env!("CARGO_PKG_VERSION").as_bytes());
    for f in &files {
        eat(f.to_string_lossy().as_bytes());
        eat(&std::fs::read(f).unwrap_or_default());
    }
    println!("cargo:rustc-env=PVM_COMPILER_FINGERPRINT={:016x}", h);
}

fn main() {
    compiler_fingerprint();
    let lib = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("lib");
    println!("cargo:rerun-if-changed={}", lib.display());
    let mut mods = Vec::new();
    walk(&lib, "", &mut mods);
    let mut s = String::from("pub static FROZEN: &[(&str, bool, &str)] = &[\n");
    for (name, pkg, path) in &mods {
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            s,
            "    ({:?}, {}, include_str!({:?})),",
            name,
            pkg,
            path.display().to_string()
        )
        .unwrap();
    }
    s.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("frozen_lib.rs");
    std::fs::write(out, s).unwrap();
}
