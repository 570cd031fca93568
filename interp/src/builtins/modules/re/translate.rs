//! Python regular-expression syntax → fancy-regex syntax.
//!
//! A recursive-descent parser over the pattern's code points that validates like CPython's `sre_parse`
//! (same error messages and positions) and emits an equivalent pattern for the `fancy_regex` engine, with
//! Python's semantics made explicit where the two differ:
//! - flags MULTILINE / DOTALL / ASCII / VERBOSE are resolved here (`^`, `$`, `.`, `\w`... are emitted in
//!   their flag-specific form; VERBOSE whitespace and comments are dropped), IGNORECASE is passed on as
//!   `(?i)` / `(?i:...)`, which fancy-regex scopes the same way;
//! - `$` without MULTILINE is "end, or before a final newline": `(?=\n?\z)`; `\Z` is `\z`;
//! - `\s` is `str.isspace()`'s set, not Unicode's White_Space;
//! - named groups are emitted as plain numbered groups (names are resolved here), so backreferences,
//!   `(?P=name)` and conditionals `(?(name)...)` refer to numbers;
//! - literals are escaped so fancy-regex's extra syntax (`&&` in classes, `\<`, `{` forms) never applies.
//!
//! Each sub-expression also reports its width range, for CPython's "look-behind requires fixed-width
//! pattern" check.

pub const TEMPLATE: u32 = 1;
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const DEBUG: u32 = 128;
pub const ASCII: u32 = 256;

const MAXREPEAT: u64 = 4294967295;
/// "Unbounded" in width computations.
const INF: u64 = u64::MAX;

pub struct ReError {
    pub msg: String,
    /// Position in the pattern (code points), when CPython reports one.
    pub pos: Option<usize>,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, ReError> {
    Err(ReError {
        msg: msg.into(),
        pos: Some(pos),
    })
}

pub struct Translated {
    pub pattern: String,
    pub groups: usize,
    /// Group names with their numbers, in definition order (`Pattern.groupindex`).
    pub names: Vec<(String, usize)>,
    /// The final flags: the argument's plus global inline flags (plus UNICODE for str patterns).
    pub flags: u32,
    /// For each group (index 0 = group 1), where its closing parenthesis is in the pattern: CPython's
    /// `lastindex` is the matched group that closed last.
    pub close_order: Vec<usize>,
}

struct Parser<'a> {
    p: &'a [char],
    i: usize,
    flags: u32,
    bytes: bool,
    groups: usize,
    names: Vec<(String, usize)>,
    open: Vec<usize>,
    widths: Vec<(u64, u64)>,
    close_pos: Vec<usize>,
    /// Global flags set by `(?x)` at the start of the pattern.
    global_flags: u32,
    /// Group numbers used by conditionals, with their positions.
    cond_refs: Vec<(usize, usize)>,
}

struct Piece {
    text: String,
    min: u64,
    max: u64,
    /// An anchor (`^`, `\b`...): "nothing to repeat" if quantified.
    anchor: bool,
}

fn add(a: u64, b: u64) -> u64 {
    a.saturating_add(b)
}

fn mul(a: u64, b: u64) -> u64 {
    if a == 0 || b == 0 {
        0
    } else if a == INF || b == INF {
        INF
    } else {
        a.saturating_mul(b)
    }
}

const SPACE_CLASS: &str = "\\t-\\r\\x1c-\\x20\\x85\\xa0\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}";

fn is_special_in_class(c: char) -> bool {
    matches!(c, '[' | ']' | '\\' | '^' | '-' | '&' | '~')
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.p.get(self.i + k).copied()
    }

    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }

    fn ascii(&self) -> bool {
        self.flags & (ASCII | LOCALE) != 0 || self.bytes
    }

    /// Skip VERBOSE whitespace and comments.
    fn skip_ws(&mut self) {
        if !self.verbose() {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.i += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn lit(&self, c: char, out: &mut String) {
        if self.bytes && (c as u32) >= 0x80 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else if c.is_ascii_alphanumeric() || c == '_' || (c as u32) >= 0x80 {
            out.push(c);
        } else if c.is_ascii_punctuation() {
            out.push('\\');
            out.push(c);
        } else {
            out.push_str(&format!("\\x{{{:x}}}", c as u32));
        }
    }

    fn class_lit(&self, c: char, out: &mut String) {
        if self.bytes && (c as u32) >= 0x80 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else if is_special_in_class(c) {
            out.push('\\');
            out.push(c);
        } else if c.is_ascii_graphic() || (c as u32) >= 0x80 {
            out.push(c);
        } else {
            out.push_str(&format!("\\x{{{:x}}}", c as u32));
        }
    }

    /// The class body (no brackets) for `\d` `\w` `\s` under the current flags, or their negations as
    /// a complete nested class.
    fn category(&self, c: char) -> String {
        let ascii = self.ascii();
        let base = match c.to_ascii_lowercase() {
            'd' => {
                if ascii {
                    "0-9".to_string()
                } else {
                    "\\d".to_string()
                }
            }
            'w' => {
                if ascii {
                    "0-9A-Za-z_".to_string()
                } else {
                    "\\w".to_string()
                }
            }
            _ => {
                if ascii {
                    "\\t-\\r ".to_string()
                } else {
                    SPACE_CLASS.to_string()
                }
            }
        };
        if c.is_ascii_uppercase() {
            format!("[^{}]", base)
        } else {
            base
        }
    }

    fn parse(&mut self) -> Result<Piece, ReError> {
        let start = self.i;
        let mut branches: Vec<Piece> = vec![self.sequence(start == 0)?];
        while self.peek() == Some('|') {
            self.i += 1;
            branches.push(self.sequence(false)?);
        }
        if branches.len() == 1 {
            return Ok(branches.pop().expect("one branch"));
        }
        let mut text = String::new();
        let (mut min, mut max) = (INF, 0);
        for (k, b) in branches.iter().enumerate() {
            if k > 0 {
                text.push('|');
            }
            text.push_str(&b.text);
            min = min.min(b.min);
            max = max.max(b.max);
        }
        Ok(Piece {
            text,
            min,
            max,
            anchor: false,
        })
    }

    /// A concatenation, up to `|`, `)` or the end.
    fn sequence(&mut self, at_start: bool) -> Result<Piece, ReError> {
        let mut text = String::new();
        let (mut min, mut max) = (0u64, 0u64);
        let mut first = at_start;
        loop {
            self.skip_ws();
            let Some(c) = self.peek() else { break };
            if c == '|' || c == ')' {
                break;
            }
            let item_pos = self.i;
            let atom = match c {
                '*' | '+' | '?' => return err("nothing to repeat", item_pos),
                '{' if self.quantifier_at(self.i).is_some() => {
                    return err("nothing to repeat", item_pos)
                }
                _ => self.atom(first)?,
            };
            let Some(atom) = atom else { continue };
            first = false;
            let piece = self.quantified(atom)?;
            text.push_str(&piece.text);
            min = add(min, piece.min);
            max = add(max, piece.max);
        }
        Ok(Piece {
            text,
            min,
            max,
            anchor: false,
        })
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` at `i`: (min, max, end index), or None if `{` is a literal there.
    fn quantifier_at(&self, i: usize) -> Option<(u64, Option<u64>, usize)> {
        let p = self.p;
        let mut j = i + 1;
        let lo_start = j;
        while j < p.len() && p[j].is_ascii_digit() {
            j += 1;
        }
        let lo: String = p[lo_start..j].iter().collect();
        let (hi, end) = if p.get(j) == Some(&',') {
            j += 1;
            let hs = j;
            while j < p.len() && p[j].is_ascii_digit() {
                j += 1;
            }
            let hi: String = p[hs..j].iter().collect();
            (Some(hi), j)
        } else {
            (None, j)
        };
        if p.get(end) != Some(&'}') {
            return None;
        }
        let parse = |s: &str| -> u64 { s.parse::<u64>().unwrap_or(u64::MAX) };
        match hi {
            None => {
                if lo.is_empty() {
                    return None;
                }
                let n = parse(&lo);
                Some((n, Some(n), end + 1))
            }
            Some(h) => {
                let min = if lo.is_empty() { 0 } else { parse(&lo) };
                let max = if h.is_empty() { None } else { Some(parse(&h)) };
                Some((min, max, end + 1))
            }
        }
    }

    fn quantified(&mut self, atom: Piece) -> Result<Piece, ReError> {
        self.skip_ws();
        let qpos = self.i;
        let (min, max) = match self.peek() {
            Some('*') => {
                self.i += 1;
                (0, None)
            }
            Some('+') => {
                self.i += 1;
                (1, None)
            }
            Some('?') => {
                self.i += 1;
                (0, Some(1))
            }
            Some('{') => match self.quantifier_at(self.i) {
                Some((lo, hi, end)) => {
                    if lo >= MAXREPEAT || hi.is_some_and(|h| h >= MAXREPEAT) {
                        return err("the repetition number is too large", self.i + 1);
                    }
                    if let Some(h) = hi {
                        if h < lo {
                            return err("min repeat greater than max repeat", self.i + 1);
                        }
                    }
                    self.i = end;
                    (lo, hi)
                }
                None => return Ok(atom),
            },
            _ => return Ok(atom),
        };
        if atom.anchor || atom.text.is_empty() {
            return err("nothing to repeat", qpos);
        }
        let mut suffix = "";
        match self.peek() {
            Some('?') => {
                self.i += 1;
                suffix = "?";
            }
            Some('+') => {
                self.i += 1;
                suffix = "+";
            }
            _ => {}
        }
        self.skip_ws();
        match self.peek() {
            Some('*' | '+' | '?') => return err("multiple repeat", self.i),
            Some('{') if self.quantifier_at(self.i).is_some() => {
                return err("multiple repeat", self.i)
            }
            _ => {}
        }
        let q = match (min, max) {
            (0, None) => "*".to_string(),
            (1, None) => "+".to_string(),
            (0, Some(1)) => "?".to_string(),
            (m, None) => format!("{{{},}}", m),
            (m, Some(n)) if m == n => format!("{{{}}}", m),
            (m, Some(n)) => format!("{{{},{}}}", m, n),
        };
        let text = if suffix == "+" {
            // Possessive: an atomic group around the greedy repeat.
            format!("(?>(?:{}){})", atom.text, q)
        } else {
            format!("(?:{}){}{}", atom.text, q, suffix)
        };
        Ok(Piece {
            text,
            min: mul(atom.min, min),
            max: match max {
                None => {
                    if atom.max == 0 {
                        0
                    } else {
                        INF
                    }
                }
                Some(n) => mul(atom.max, n),
            },
            anchor: false,
        })
    }

    fn one(text: String) -> Piece {
        Piece {
            text,
            min: 1,
            max: 1,
            anchor: false,
        }
    }

    fn anchor(text: &str) -> Piece {
        Piece {
            text: text.to_string(),
            min: 0,
            max: 0,
            anchor: true,
        }
    }

    /// One atom; None for things that emit nothing (comments, global flags).
    fn atom(&mut self, first: bool) -> Result<Option<Piece>, ReError> {
        let c = self.peek().expect("atom");
        let start = self.i;
        self.i += 1;
        Ok(Some(match c {
            '.' => Self::one(if self.flags & DOTALL != 0 {
                "(?s:.)".into()
            } else {
                ".".into()
            }),
            '^' => Self::anchor(if self.flags & MULTILINE != 0 {
                "(?m:^)"
            } else {
                "\\A"
            }),
            '$' => Self::anchor(if self.flags & MULTILINE != 0 {
                "(?m:$)"
            } else {
                "(?=\\n?\\z)"
            }),
            '[' => Self::one(self.class(start)?),
            '\\' => return self.escape(start).map(Some),
            '(' => return self.group(start, first),
            ')' => return err("unbalanced parenthesis", start),
            c => {
                let mut s = String::new();
                self.lit(c, &mut s);
                Self::one(s)
            }
        }))
    }

    fn hex(&mut self, n: usize, start: usize, what: char) -> Result<u32, ReError> {
        let mut v = 0u32;
        for k in 0..n {
            match self.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    v = v.wrapping_mul(16).wrapping_add(d);
                    self.i += 1;
                }
                None => {
                    let got: String = self.p[start..self.i].iter().collect();
                    let _ = (k, what);
                    return err(format!("incomplete escape {}", got), start);
                }
            }
        }
        Ok(v)
    }

    /// A character escape shared by patterns and classes (after the backslash): Some(char) if `c` is one.
    fn char_escape(&mut self, c: char, start: usize) -> Result<Option<char>, ReError> {
        let ch = match c {
            'a' => '\u{7}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\u{b}',
            'x' => {
                let v = self.hex(2, start, 'x')?;
                char::from_u32(v).unwrap_or('\0')
            }
            'u' | 'U' if !self.bytes => {
                let v = self.hex(if c == 'u' { 4 } else { 8 }, start, c)?;
                match char::from_u32(v) {
                    Some(ch) => ch,
                    None => {
                        let got: String = self.p[start..self.i].iter().collect();
                        return err(format!("bad escape {}", got), start);
                    }
                }
            }
            '0' => {
                // Up to two more octal digits.
                let mut v = 0u32;
                for _ in 0..2 {
                    match self.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.i += 1;
                        }
                        None => break,
                    }
                }
                char::from_u32(v).unwrap_or('\0')
            }
            'N' if !self.bytes => {
                return Err(ReError {
                    msg: "pvm's re does not support \\N{...} escapes yet".into(),
                    pos: Some(start),
                })
            }
            c if c.is_ascii_alphanumeric() => return Ok(None),
            c => c,
        };
        Ok(Some(ch))
    }

    fn escape(&mut self, start: usize) -> Result<Piece, ReError> {
        let Some(c) = self.peek() else {
            return err("bad escape (end of pattern)", start);
        };
        self.i += 1;
        let ascii = self.ascii();
        match c {
            'A' => return Ok(Self::anchor("\\A")),
            'Z' => return Ok(Self::anchor("\\z")),
            'b' => return Ok(Self::anchor(if ascii { "(?-u:\\b)" } else { "\\b" })),
            'B' => return Ok(Self::anchor(if ascii { "(?-u:\\B)" } else { "\\B" })),
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                let body = self.category(c);
                return Ok(Self::one(if c.is_ascii_uppercase() {
                    body
                } else {
                    format!("[{}]", body)
                }));
            }
            '1'..='9' => {
                // Octal escape (three octal digits) or a group reference (one or two digits).
                let d2 = self.peek();
                let d3 = self.peek_at(1);
                if c <= '7'
                    && d2.is_some_and(|d| ('0'..='7').contains(&d))
                    && d3.is_some_and(|d| ('0'..='7').contains(&d))
                {
                    self.i += 2;
                    let v = c.to_digit(8).unwrap_or(0) * 64
                        + d2.and_then(|d| d.to_digit(8)).unwrap_or(0) * 8
                        + d3.and_then(|d| d.to_digit(8)).unwrap_or(0);
                    if v > 0o377 {
                        let got: String = self.p[start..self.i].iter().collect();
                        return err(
                            format!("octal escape value {} outside of range 0-0o377", got),
                            start,
                        );
                    }
                    let mut s = String::new();
                    self.lit(char::from_u32(v).unwrap_or('\0'), &mut s);
                    return Ok(Self::one(s));
                }
                let mut n = c.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = d2.and_then(|d| d.to_digit(10)) {
                    n = n * 10 + d as usize;
                    self.i += 1;
                }
                return self.backref(n, start + 1);
            }
            _ => {}
        }
        match self.char_escape(c, start)? {
            Some(ch) => {
                let mut s = String::new();
                self.lit(ch, &mut s);
                Ok(Self::one(s))
            }
            None => err(format!("bad escape \\{}", c), start),
        }
    }

    fn backref(&mut self, n: usize, pos: usize) -> Result<Piece, ReError> {
        if n > self.groups || n == 0 {
            return err(format!("invalid group reference {}", n), pos);
        }
        if self.open.contains(&n) {
            return err("cannot refer to an open group", pos - 1);
        }
        let (min, max) = self.widths.get(n - 1).copied().unwrap_or((0, INF));
        Ok(Piece {
            text: format!("(?:\\{})", n),
            min,
            max,
            anchor: false,
        })
    }

    /// A character class, from `[` at `start` to its `]`.
    fn class(&mut self, start: usize) -> Result<String, ReError> {
        let mut out = String::from("[");
        if self.peek() == Some('^') {
            self.i += 1;
            out.push('^');
        }
        let body_start = self.i;
        let mut items = 0;
        loop {
            let Some(c) = self.peek() else {
                return err("unterminated character set", start);
            };
            let item_pos = self.i;
            if c == ']' && self.i > body_start {
                self.i += 1;
                break;
            }
            self.i += 1;
            // One endpoint: a char, or a category (which cannot start a range).
            let lo: Result<char, String> = if c == '\\' {
                self.class_escape(item_pos)?
            } else {
                Ok(c)
            };
            let is_range = self.peek() == Some('-') && self.peek_at(1).is_some_and(|d| d != ']');
            if is_range {
                self.i += 1;
                let hpos = self.i;
                let h = self.peek().expect("range end");
                self.i += 1;
                let hi: Result<char, String> = if h == '\\' {
                    self.class_escape(hpos)?
                } else {
                    Ok(h)
                };
                match (lo, hi) {
                    (Ok(a), Ok(b)) => {
                        if b < a {
                            let t: String = self.p[item_pos..self.i].iter().collect();
                            return err(format!("bad character range {}", t), item_pos);
                        }
                        self.class_lit(a, &mut out);
                        out.push('-');
                        self.class_lit(b, &mut out);
                    }
                    _ => {
                        let t: String = self.p[item_pos..self.i].iter().collect();
                        return err(format!("bad character range {}", t), item_pos);
                    }
                }
            } else {
                match lo {
                    Ok(ch) => self.class_lit(ch, &mut out),
                    Err(cat) => out.push_str(&cat),
                }
            }
            items += 1;
        }
        let _ = items;
        out.push(']');
        Ok(out)
    }

    /// An escape inside a class: Ok(char) or Err(category text).
    fn class_escape(&mut self, start: usize) -> Result<Result<char, String>, ReError> {
        let Some(c) = self.peek() else {
            return err("unterminated character set", start);
        };
        self.i += 1;
        match c {
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => return Ok(Err(self.category(c))),
            'b' => return Ok(Ok('\u{8}')),
            '1'..='7' => {
                // Octal in classes (no group references).
                let mut v = c.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match self.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.i += 1;
                        }
                        None => break,
                    }
                }
                if v > 0o377 {
                    let got: String = self.p[start..self.i].iter().collect();
                    return err(
                        format!("octal escape value {} outside of range 0-0o377", got),
                        start,
                    );
                }
                return Ok(Ok(char::from_u32(v).unwrap_or('\0')));
            }
            _ => {}
        }
        match self.char_escape(c, start)? {
            Some(ch) => Ok(Ok(ch)),
            None => err(format!("bad escape \\{}", c), start),
        }
    }

    fn group_name(&mut self, end: char, start: usize) -> Result<String, ReError> {
        let ns = self.i;
        while let Some(c) = self.peek() {
            if c == end {
                break;
            }
            self.i += 1;
        }
        if self.peek() != Some(end) {
            if ns == self.i {
                return err("missing group name", ns);
            }
            return err(format!("missing {}, unterminated name", end), ns);
        }
        let name: String = self.p[ns..self.i].iter().collect();
        self.i += 1;
        if name.is_empty() {
            return err("missing group name", ns);
        }
        let _ = start;
        Ok(name)
    }

    fn check_ident(name: &str, pos: usize) -> Result<(), ReError> {
        let mut cs = name.chars();
        let ok = cs.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && cs.all(|c| c == '_' || c.is_alphanumeric());
        if ok {
            Ok(())
        } else {
            err(format!("bad character in group name '{}'", name), pos)
        }
    }

    fn group_body(&mut self, start: usize) -> Result<Piece, ReError> {
        let inner = self.parse()?;
        if self.peek() != Some(')') {
            return err("missing ), unterminated subpattern", start);
        }
        self.i += 1;
        Ok(inner)
    }

    fn capture(&mut self, start: usize, name: Option<String>) -> Result<Piece, ReError> {
        self.groups += 1;
        let n = self.groups;
        if let Some(name) = name {
            if let Some((_, old)) = self.names.iter().find(|(k, _)| *k == name) {
                return err(
                    format!(
                        "redefinition of group name '{}' as group {}; was group {}",
                        name, n, old
                    ),
                    start + 4,
                );
            }
            self.names.push((name, n));
        }
        self.widths.push((0, INF));
        self.close_pos.push(0);
        self.open.push(n);
        let inner = self.group_body(start)?;
        self.open.retain(|g| *g != n);
        self.widths[n - 1] = (inner.min, inner.max);
        self.close_pos[n - 1] = self.i;
        Ok(Piece {
            text: format!("({})", inner.text),
            min: inner.min,
            max: inner.max,
            anchor: false,
        })
    }

    fn flag_of(c: char) -> Option<u32> {
        Some(match c {
            'i' => IGNORECASE,
            'L' => LOCALE,
            'm' => MULTILINE,
            's' => DOTALL,
            'x' => VERBOSE,
            'a' => ASCII,
            'u' => UNICODE,
            _ => return None,
        })
    }

    fn group(&mut self, start: usize, first: bool) -> Result<Option<Piece>, ReError> {
        if self.peek() != Some('?') {
            return self.capture(start, None).map(Some);
        }
        self.i += 1;
        let Some(c) = self.peek() else {
            return err("unexpected end of pattern", self.i);
        };
        self.i += 1;
        match c {
            ':' => {
                let inner = self.group_body(start)?;
                Ok(Some(Piece {
                    text: format!("(?:{})", inner.text),
                    ..inner
                }))
            }
            '>' => {
                let inner = self.group_body(start)?;
                Ok(Some(Piece {
                    text: format!("(?>{})", inner.text),
                    ..inner
                }))
            }
            'P' => match self.peek() {
                Some('<') => {
                    self.i += 1;
                    let npos = self.i;
                    let name = self.group_name('>', start)?;
                    Self::check_ident(&name, npos)?;
                    self.capture(start, Some(name)).map(Some)
                }
                Some('=') => {
                    self.i += 1;
                    let npos = self.i;
                    let name = self.group_name(')', start)?;
                    Self::check_ident(&name, npos)?;
                    let Some(&(_, n)) = self.names.iter().find(|(k, _)| *k == name) else {
                        return err(format!("unknown group name '{}'", name), npos);
                    };
                    if self.open.contains(&n) {
                        return err("cannot refer to an open group", npos);
                    }
                    let (min, max) = self.widths[n - 1];
                    Ok(Some(Piece {
                        text: format!("(?:\\{})", n),
                        min,
                        max,
                        anchor: false,
                    }))
                }
                Some(o) => {
                    self.i += 1;
                    err(format!("unknown extension ?P{}", o), start + 1)
                }
                None => err("unexpected end of pattern", self.i),
            },
            '#' => {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == ')' {
                        return Ok(None);
                    }
                }
                err("missing ), unterminated comment", start)
            }
            '=' | '!' => {
                let inner = self.group_body(start)?;
                Ok(Some(Piece {
                    text: format!("(?{}{})", c, inner.text),
                    min: 0,
                    max: 0,
                    anchor: false,
                }))
            }
            '<' => {
                let Some(k) = self.peek() else {
                    return err("unexpected end of pattern", self.i);
                };
                if k != '=' && k != '!' {
                    self.i += 1;
                    return err(format!("unknown extension ?<{}", k), start + 1);
                }
                self.i += 1;
                let inner = self.group_body(start)?;
                if inner.min != inner.max || inner.max == INF {
                    return Err(ReError {
                        msg: "look-behind requires fixed-width pattern".into(),
                        pos: None,
                    });
                }
                Ok(Some(Piece {
                    text: format!("(?<{}{})", k, inner.text),
                    min: 0,
                    max: 0,
                    anchor: false,
                }))
            }
            '(' => {
                let npos = self.i;
                let name = self.group_name(')', start)?;
                let n = if name.chars().all(|c| c.is_ascii_digit()) {
                    let n: usize = name.parse().unwrap_or(usize::MAX);
                    if n == 0 {
                        return err("bad group number", npos);
                    }
                    // Checked at the end: a condition may name a later group.
                    self.cond_refs.push((n, npos));
                    n
                } else {
                    Self::check_ident(&name, npos)?;
                    match self.names.iter().find(|(k, _)| *k == name) {
                        Some(&(_, n)) => n,
                        None => return err(format!("unknown group name '{}'", name), npos),
                    }
                };
                let yes = self.sequence(false)?;
                let no = if self.peek() == Some('|') {
                    self.i += 1;
                    let no = self.sequence(false)?;
                    if self.peek() == Some('|') {
                        return err("conditional backref with more than two branches", self.i);
                    }
                    Some(no)
                } else {
                    None
                };
                if self.peek() != Some(')') {
                    return err("missing ), unterminated subpattern", start);
                }
                self.i += 1;
                let (min, max, text) = match no {
                    Some(no) => (
                        yes.min.min(no.min),
                        yes.max.max(no.max),
                        format!("(?({}){}|{})", n, yes.text, no.text),
                    ),
                    None => (0, yes.max, format!("(?({}){}|)", n, yes.text)),
                };
                Ok(Some(Piece {
                    text,
                    min,
                    max,
                    anchor: false,
                }))
            }
            c if Self::flag_of(c).is_some() || c == '-' => {
                self.i -= 1;
                self.flag_group(start, first)
            }
            c => err(format!("unknown extension ?{}", c), start + 1),
        }
    }

    /// `(?aiLmsux)` (global, at the start only) or `(?aiLmsux-imsx:...)` (scoped).
    fn flag_group(&mut self, start: usize, first: bool) -> Result<Option<Piece>, ReError> {
        let mut on = 0u32;
        let mut off = 0u32;
        while let Some(c) = self.peek() {
            match Self::flag_of(c) {
                Some(f) => {
                    on |= f;
                    self.i += 1;
                }
                None => break,
            }
        }
        if self.peek() == Some('-') {
            self.i += 1;
            let fpos = self.i;
            while let Some(c) = self.peek() {
                match Self::flag_of(c) {
                    Some(f) => {
                        if f & (ASCII | LOCALE | UNICODE) != 0 {
                            return err(
                                "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                                fpos,
                            );
                        }
                        off |= f;
                        self.i += 1;
                    }
                    None => break,
                }
            }
            if off == 0 {
                match self.peek() {
                    Some(')') | Some(':') | None => {
                        return err("missing flag", self.i);
                    }
                    Some(_) => return err("unknown flag", self.i),
                }
            }
        }
        match self.peek() {
            Some(')') => {
                if off != 0 {
                    return err("missing :", self.i);
                }
                self.i += 1;
                if !first {
                    return err("global flags not at the start of the expression", start);
                }
                self.check_flags(on, start)?;
                self.flags |= on;
                self.global_flags |= on;
                Ok(None)
            }
            Some(':') => {
                self.i += 1;
                let saved = self.flags;
                self.flags = (self.flags | on) & !off;
                let inner = self.group_body(start);
                self.flags = saved;
                let inner = inner?;
                let mut fl = String::new();
                if on & IGNORECASE != 0 {
                    fl.push('i');
                }
                if off & IGNORECASE != 0 {
                    fl.push_str("-i");
                }
                Ok(Some(Piece {
                    text: format!("(?{}:{})", fl, inner.text),
                    ..inner
                }))
            }
            None => err("missing -, : or )", self.i),
            Some(_) => err("unknown flag", self.i),
        }
    }

    fn check_flags(&self, on: u32, pos: usize) -> Result<(), ReError> {
        if self.bytes && on & UNICODE != 0 {
            return err(
                "bad inline flags: cannot use 'u' flag with a bytes pattern",
                pos + 2,
            );
        }
        if !self.bytes && on & LOCALE != 0 {
            return err(
                "bad inline flags: cannot use 'L' flag with a str pattern",
                pos + 2,
            );
        }
        Ok(())
    }
}

/// Translate `pattern` (its code points; bytes patterns as latin-1) compiled with `flags`.
pub fn translate(pattern: &[char], flags: u32, bytes: bool) -> Result<Translated, ReError> {
    if bytes && flags & UNICODE != 0 {
        return Err(ReError {
            msg: "cannot use UNICODE flag with a bytes pattern".into(),
            pos: None,
        });
    }
    if !bytes && flags & LOCALE != 0 {
        return Err(ReError {
            msg: "cannot use LOCALE flag with a str pattern".into(),
            pos: None,
        });
    }
    if flags & ASCII != 0 && flags & UNICODE != 0 {
        return Err(ReError {
            msg: "ASCII and UNICODE flags are incompatible".into(),
            pos: None,
        });
    }
    let mut p = Parser {
        p: pattern,
        i: 0,
        flags,
        bytes,
        groups: 0,
        names: Vec::new(),
        open: Vec::new(),
        widths: Vec::new(),
        close_pos: Vec::new(),
        global_flags: 0,
        cond_refs: Vec::new(),
    };
    let body = p.parse()?;
    if p.i < pattern.len() {
        // Only an unmatched ')' stops the top level early.
        return err("unbalanced parenthesis", p.i);
    }
    if let Some(&(n, pos)) = p.cond_refs.iter().find(|(n, _)| *n > p.groups) {
        return err(format!("invalid group reference {}", n), pos);
    }
    let mut pat = String::new();
    if (flags | p.global_flags) & IGNORECASE != 0 {
        pat.push_str("(?i)");
    }
    pat.push_str(&body.text);
    let mut final_flags = flags | p.global_flags;
    if !bytes && final_flags & (ASCII | LOCALE) == 0 {
        final_flags |= UNICODE;
    }
    if final_flags & ASCII != 0 && final_flags & UNICODE != 0 {
        return Err(ReError {
            msg: "ASCII and UNICODE flags are incompatible".into(),
            pos: None,
        });
    }
    Ok(Translated {
        pattern: pat,
        groups: p.groups,
        names: p.names,
        flags: final_flags,
        close_order: p.close_pos,
    })
}
