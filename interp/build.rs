//! Embeds the pure-Python part of the standard library (`lib/`) in the binary: generates a table of
//! (module name, is package, source) with `include_str!`, so adding a module is just adding a file.

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

fn main() {
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
