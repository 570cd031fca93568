//! The bytecode cache: an imported module's compiled code is written to
//! `<dir>/__pycache__/<name>.pvm-<FORMAT as 8 hex digits>.pvmc` and, on a later import, mapped with
//! `memmap2` and decoded instead of parsing and compiling the source again.
//!
//! A file is used only if its header's magic number, format (a hash of the opcode table and of this
//! format's revision, so a pvm with a different opcode table never misreads a file; it is also in the
//! file name, so such pvms keep separate files), build fingerprint (a hash of the compiler's sources,
//! computed by `interp/build.rs`: a rebuilt compiler never runs an older compiler's output), source size
//! and source hash all match, and the payload's checksum is right. The source is validated by content
//! (size + hash), not by mtime: the source is read anyway (tracebacks show its lines), hashing it costs
//! well under a millisecond for thousands of lines, and mtimes are too coarse to notice two edits within
//! one clock tick. Decoding checks every length and index (format.rs) and every code object (verify.rs).
//! Anything wrong — missing, stale, truncated, corrupt, foreign, a directory in its place — means the
//! module is compiled from source as if there were no cache, and the file is rewritten.
//!
//! Writing is atomic: a temporary file in `__pycache__` renamed over the final name, so a reader sees
//! the old file or the new one, never half of one, and a file pvm has mapped is never modified in place.
//! Failing to write (read-only directory, `__pycache__` being a file, ...) is silent. `-B`,
//! `PYTHONDONTWRITEBYTECODE` and `sys.dont_write_bytecode = True` turn writing off. The main script is
//! never cached (as in CPython); modules run with `-m` are.

pub mod format;
mod verify;

use crate::code::Code;
use crate::compiler::CompileError;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;

pub use format::{SourceStamp, HEADER_LEN, MAGIC};

/// Revision of the file layout in format.rs: bump it when the layout changes.
const FORMAT_REV: u32 = 3;

/// The format identifier: FNV-1a over the layout revision and the opcode table (names, order, jump
/// flags), computed at compile time.
pub const FORMAT: u32 = {
    let mut h: u32 = 0x811c_9dc5;
    let rev = FORMAT_REV.to_le_bytes();
    let mut i = 0;
    while i < 4 {
        h = (h ^ rev[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    let ops = crate::bytecode::Op::ALL;
    let mut k = 0;
    while k < ops.len() {
        let name = ops[k].name().as_bytes();
        let mut j = 0;
        while j < name.len() {
            h = (h ^ name[j] as u32).wrapping_mul(0x0100_0193);
            j += 1;
        }
        h = (h ^ (ops[k].is_jump() as u32 + 1)).wrapping_mul(0x0100_0193);
        k += 1;
    }
    h
};

/// Hash of the compiler's sources (see build.rs).
pub fn fingerprint() -> u64 {
    u64::from_str_radix(env!("PVM_COMPILER_FINGERPRINT"), 16).unwrap_or(0)
}

/// A fast 64-bit hash of bytes, for change detection (not adversarial). Each step
/// `h = (rotl(h, 5) ^ word) * K` is a bijection of `h` for a given word, so changing any one word
/// always changes the result.
pub fn hash64(data: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = data.len() as u64;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(last)).wrapping_mul(K);
    }
    // Final avalanche (murmur3's fmix64).
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// How imports use the cache (from `-B`, `PYTHONDONTWRITEBYTECODE`, `-X pvm-cache-...`).
#[derive(Clone, Copy, Debug)]
pub struct CacheOptions {
    /// Look for cache files at all (`-X pvm-cache=off` turns reading and writing off).
    pub read: bool,
    /// Write cache files (further subject to `sys.dont_write_bytecode`).
    pub write: bool,
    /// Report every hit, miss (with the reason) and write on stderr.
    pub verbose: bool,
}

impl Default for CacheOptions {
    fn default() -> Self {
        CacheOptions {
            read: true,
            write: true,
            verbose: false,
        }
    }
}

/// Where the cache file of `source` lives.
pub fn cache_path(source: &Path) -> Option<PathBuf> {
    let dir = source.parent()?;
    let stem = source.file_stem()?.to_str()?;
    Some(
        dir.join("__pycache__")
            .join(format!("{}.pvm-{:08x}.pvmc", stem, FORMAT)),
    )
}

fn ms(t: Instant) -> String {
    format!("{:.2} ms", t.elapsed().as_secs_f64() * 1e3)
}

/// The code of the module in file `path` (whose text is `text`), from its cache file when that is
/// valid, else compiled (and then cached, when `write`). `filename` is what tracebacks call the file.
pub fn module_code(
    opts: CacheOptions,
    write: bool,
    path: &Path,
    filename: &str,
    text: &str,
) -> Result<Rc<Code>, CompileError> {
    let cpath = if opts.read { cache_path(path) } else { None };
    let Some(cpath) = cpath else {
        return crate::compiler::compile_module(text, filename);
    };
    let stamp = SourceStamp {
        size: text.len() as u64,
        hash: hash64(text.as_bytes()),
    };
    let t0 = Instant::now();
    let why = match load(&cpath, stamp, filename, text) {
        Ok(code) => {
            if opts.verbose {
                eprintln!("pvm-cache: hit {} (loaded in {})", cpath.display(), ms(t0));
            }
            return Ok(code);
        }
        Err(why) => why,
    };
    let t1 = Instant::now();
    let code = crate::compiler::compile_module(text, filename)?;
    if opts.verbose {
        eprintln!(
            "pvm-cache: miss {} ({}); compiled in {}",
            path.display(),
            why,
            ms(t1)
        );
    }
    if !(opts.write && write) {
        if opts.verbose {
            eprintln!(
                "pvm-cache: not writing {} (writing is off)",
                cpath.display()
            );
        }
        return Ok(code);
    }
    match format::encode(&code, stamp) {
        Ok(bytes) => match write_atomically(&cpath, &bytes) {
            Ok(()) if opts.verbose => {
                eprintln!(
                    "pvm-cache: wrote {} ({} bytes)",
                    cpath.display(),
                    bytes.len()
                )
            }
            Err(e) if opts.verbose => {
                eprintln!("pvm-cache: could not write {}: {}", cpath.display(), e)
            }
            _ => {}
        },
        Err(e) if opts.verbose => {
            eprintln!("pvm-cache: not caching {}: {}", path.display(), e)
        }
        Err(_) => {}
    }
    Ok(code)
}

fn load(cpath: &Path, stamp: SourceStamp, filename: &str, text: &str) -> Result<Rc<Code>, String> {
    // Look before opening: opening a FIFO in its place would block.
    match std::fs::metadata(cpath) {
        Ok(m) if m.is_file() => {}
        Ok(_) => return Err("the cache path is not a regular file".into()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err("no cache file".into()),
        Err(e) => return Err(format!("cannot stat the cache file: {}", e)),
    }
    let file =
        std::fs::File::open(cpath).map_err(|e| format!("cannot open the cache file: {}", e))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot stat the cache file: {}", e))?;
    if !meta.is_file() {
        return Err("the cache path is not a regular file".into());
    }
    if meta.len() < HEADER_LEN as u64 {
        return Err("truncated (shorter than the header)".into());
    }
    // SAFETY: the mapping is read-only and dropped before this function returns (everything decoded is
    // copied into owned objects). pvm never modifies a cache file in place — it writes a new file and
    // renames it over the old name, which leaves a mapped inode untouched — so the bytes cannot change
    // under us unless another program writes into the file meanwhile (then a truncation could fault, as
    // with any mapped file); every byte is validated before use, so changed contents cannot cause
    // undefined behaviour in the decoder, only a rejected file.
    let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| format!("cannot map: {}", e))?;
    let data: &[u8] = &map;
    format::check_header(data, stamp)?;
    Ok(format::decode(data, filename, text.into())?)
}

fn write_atomically(cpath: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = cpath.parent().unwrap_or(Path::new("."));
    match std::fs::create_dir(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let mut tmp_name = cpath.as_os_str().to_owned();
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp_name);
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        drop(f);
        std::fs::rename(&tmp, cpath)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(src: &str) {
        let code = crate::compiler::compile_module(src, "t.py").unwrap();
        let stamp = SourceStamp {
            size: src.len() as u64,
            hash: hash64(src.as_bytes()),
        };
        let bytes = format::encode(&code, stamp).unwrap();
        format::check_header(&bytes, stamp).unwrap();
        let back = format::decode(&bytes, "t.py", src.into()).unwrap();
        let (mut a, mut b) = (String::new(), String::new());
        code.disassemble(&mut a);
        back.disassemble(&mut b);
        assert_eq!(a, b);
        // Every truncation and every single flipped byte is rejected, never a panic.
        for n in 0..bytes.len() {
            assert!(format::check_header(&bytes[..n], stamp).is_err());
        }
        for i in 0..bytes.len() {
            let mut c = bytes.clone();
            c[i] ^= 0x40;
            assert!(format::check_header(&c, stamp).is_err(), "flip at {}", i);
        }
    }

    #[test]
    fn roundtrips() {
        roundtrip("x = 1\nprint(x + 2.5, 'a', b'b', (1, (2, 3)), ..., 10**30, -10**30)\n");
        roundtrip(
            "def f(a, b=2, *c, d, **e):\n    def g():\n        return a\n    return g\n\
             class C:\n    '''doc'''\n    def m(self):\n        try:\n            return 1\n        except E as e:\n            pass\n\
             for x in {3, 1, 2}:\n    print(x in {5, 6, 7})\n",
        );
    }

    /// The decoder itself (header bypassed) never panics on garbage: corrupt payload bytes whose
    /// checksum was fixed up are rejected or decode to something verify accepts.
    #[test]
    fn decoder_survives_payload_corruption() {
        let src = "def f(a):\n    return [a, 'x', (1, 2)]\nfor i in range(3):\n    print(f(i))\n";
        let code = crate::compiler::compile_module(src, "t.py").unwrap();
        let stamp = SourceStamp {
            size: src.len() as u64,
            hash: hash64(src.as_bytes()),
        };
        let bytes = format::encode(&code, stamp).unwrap();
        for i in HEADER_LEN..bytes.len() {
            for x in [0x01u8, 0x80, 0xff] {
                let mut c = bytes.clone();
                c[i] ^= x;
                let _ = format::decode(&c, "t.py", src.into());
            }
            let _ = format::decode(&bytes[..i], "t.py", src.into());
        }
    }

    /// Everything the compiler produces for the golden corpus and the benchmark programs round-trips
    /// through the cache and passes `verify` (so compiler output is always cacheable).
    #[test]
    fn corpus_roundtrips() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        for d in ["tests/golden", "perf/programs", "examples"] {
            let mut stack = vec![root.join(d)];
            while let Some(p) = stack.pop() {
                if let Ok(rd) = std::fs::read_dir(&p) {
                    for e in rd.flatten() {
                        stack.push(e.path());
                    }
                } else if p.extension().is_some_and(|e| e == "py") {
                    files.push(p);
                }
            }
        }
        assert!(files.len() > 50);
        let mut n = 0;
        for f in files {
            let Ok(src) = std::fs::read_to_string(&f) else {
                continue;
            };
            let Ok(code) = crate::compiler::compile_module(&src, "t.py") else {
                continue;
            };
            let stamp = SourceStamp {
                size: src.len() as u64,
                hash: hash64(src.as_bytes()),
            };
            let bytes =
                format::encode(&code, stamp).unwrap_or_else(|e| panic!("{}: {}", f.display(), e));
            let back = format::decode(&bytes, "t.py", src.as_str().into())
                .unwrap_or_else(|e| panic!("{}: {}", f.display(), e));
            let (mut a, mut b) = (String::new(), String::new());
            code.disassemble(&mut a);
            back.disassemble(&mut b);
            assert_eq!(a, b, "{}", f.display());
            n += 1;
        }
        assert!(n > 50);
    }

    #[test]
    fn format_id_is_stable_within_a_build() {
        let p = cache_path(Path::new("/a/b/mod.py")).unwrap();
        assert_eq!(
            p,
            PathBuf::from(format!("/a/b/__pycache__/mod.pvm-{:08x}.pvmc", FORMAT))
        );
        assert_ne!(hash64(b"abc"), hash64(b"abd"));
        assert_ne!(hash64(b""), hash64(b"\0"));
    }
}
