//! Data-driven checks against outputs recorded from CPython 3.11.
//!
//! `testdata/cases.txt` holds one case per line: `kind \t a \t b \t expected`
//! (fields escaped with `\\ \t \n \r \xNN`), where `expected` is `OK:<text>`
//! or `<ExceptionName>:<message>`.  It is a stratified sample made by
//! `testdata/trim.py` from the output of `testdata/gen_cases.py` (run with
//! CPython 3.11: `python3 gen_cases.py big.txt 1 12345`); set
//! `NUMFMT_DATA=/path/big.txt[:/path/other.txt]` to also check full files.

use num_bigint::BigInt;
use num_traits::Num;

use super::*;

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('x') => {
                let h: String = it.by_ref().take(2).collect();
                out.push(char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap());
            }
            other => panic!("bad escape {:?}", other),
        }
    }
    out
}

fn bits(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).expect("hex bits"))
}

fn bigint(s: &str) -> BigInt {
    match s.strip_prefix('-') {
        Some(r) => -BigInt::from_str_radix(r.trim_start_matches("0x"), 16).unwrap(),
        None => BigInt::from_str_radix(s.trim_start_matches("0x"), 16).unwrap(),
    }
}

fn show(r: Result<String, FmtError>) -> String {
    match r {
        Ok(s) => format!("OK:{}", s),
        Err(e) => format!("{}:{}", e.type_name(), e.message()),
    }
}

fn hex_of(v: &BigInt) -> String {
    int_to_str_radix(v, 16)
}

fn percent(
    template: &str,
    f: impl FnOnce(&PercentSpec) -> Result<String, FmtError>,
) -> Result<String, FmtError> {
    let (spec, end) = parse_percent_spec(template, 1)?;
    assert_eq!(end, template.len(), "template {:?}", template);
    f(&spec)
}

fn run_case(kind: &str, a: &str, b: &str) -> String {
    match kind {
        "repr" => format!("OK:{}", float_repr(bits(a))),
        "ff" => show(parse_spec(b, "float").and_then(|s| format_float(bits(a), &s, "float"))),
        "fi" => show(parse_spec(b, "int").and_then(|s| format_bigint(&bigint(a), &s, "int"))),
        "fs" => show(parse_spec(b, "str").and_then(|s| format_str(a, &s, "str"))),
        "pf" => show(percent(b, |s| percent_format_float(bits(a), s))),
        "pi" => show(percent(b, |s| percent_format_int(&bigint(a), s))),
        "ps" => show(percent(b, |s| percent_format_str(a, s))),
        "pc" => show(percent(b, |s| {
            let c = percent_char_from_int(&bigint(a))?;
            percent_format_str(&c.to_string(), s)
        })),
        "int" => show(parse_int_literal(a, b.parse().unwrap()).map(|v| hex_of(&v))),
        "float" => show(parse_float_str(a).map(float_repr)),
        "round" => {
            if b == "N" {
                show(round_float_to_int(bits(a)).map(|v| hex_of(&v)))
            } else {
                show(round_float_ndigits(bits(a), b.parse().unwrap()).map(float_repr))
            }
        }
        "srepr" => format!("OK:{}", py_str_repr(a)),
        "dec" => show(int_to_decimal_string(&bigint(a))),
        "tof" => show(bigint_to_f64(&bigint(a)).map(float_repr)),
        _ => panic!("unknown kind {}", kind),
    }
}

/// Runs every case in `data`; returns (passed, failures).
pub(crate) fn run_data(data: &str) -> (usize, Vec<String>) {
    let mut passed = 0;
    let mut failures = Vec::new();
    for (lineno, line) in data.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 4, "line {}: {:?}", lineno + 1, line);
        let (a, b, want) = (unescape(f[1]), unescape(f[2]), unescape(f[3]));
        let got = run_case(f[0], &a, &b);
        if got == want {
            passed += 1;
        } else {
            failures.push(format!(
                "line {}: {} {:?} {:?}: want {:?}, got {:?}",
                lineno + 1,
                f[0],
                a,
                b,
                want,
                got
            ));
        }
    }
    (passed, failures)
}

fn check(data: &str, what: &str) {
    let (passed, failures) = run_data(data);
    for f in failures.iter().take(40) {
        eprintln!("{}", f);
    }
    eprintln!("{}: {} passed, {} failed", what, passed, failures.len());
    assert!(
        failures.is_empty(),
        "{} CPython cases failed",
        failures.len()
    );
    assert!(passed > 0);
}

#[test]
fn cpython_cases() {
    check(include_str!("testdata/cases.txt"), "testdata/cases.txt");
}

/// Larger generated data sets (outside the repo), e.g.
/// `NUMFMT_DATA=/work/scratch/data/big.txt cargo test`.
#[test]
fn cpython_cases_external() {
    if let Ok(paths) = std::env::var("NUMFMT_DATA") {
        for p in paths.split(':') {
            let data = std::fs::read_to_string(p).expect("read NUMFMT_DATA");
            check(&data, p);
        }
    }
}
