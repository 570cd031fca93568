//! The caret line under a traceback's source line, as CPython 3.11 prints it (`tb_displayline` and
//! `extract_anchors_from_line` in Python/traceback.c):
//!
//! ```text
//!     y = x + f(a)[0]
//!             ~~~~^^^
//! ```
//!
//! - The range is the faulting instruction's source range (`TbEntry::span`: the innermost AST node
//!   it was compiled for). Columns are characters of the line.
//! - A range ending on a later line is marked to the line's last non-blank character.
//! - Columns are screen columns: East Asian wide and fullwidth characters count two.
//! - A range on one line is parsed on its own: a binary operation gets `~` with `^` under its
//!   operator; a subscript gets `~` under the value and `^` under `[...]`; anything else is all `^`.
//! - No caret line when the range covers the whole line (leading blanks aside) and has no anchors.
//!
//! CPython's own quirks are kept: the multi-line end is found by scanning the line's UTF-8 bytes from
//! its length in characters, so trailing blanks after non-ASCII text can shift it.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;
use unicode_width::UnicodeWidthChar;

/// CPython's `IS_WHITESPACE` for caret computations.
fn blank(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == 0x0c
}

/// `_PyPegen_byte_offset_to_character_offset`: the characters in the first `col` bytes of `s` (past
/// the end, the NUL terminator counts as one more).
fn chars_in(s: &str, col: usize) -> usize {
    let b = s.as_bytes();
    if col > b.len() {
        return s.chars().count() + 1;
    }
    String::from_utf8_lossy(&b[..col]).chars().count()
}

/// 1-based line containing byte `offset` of `text`, and the byte offset where that line starts.
fn line_at(text: &str, offset: usize) -> (u32, usize) {
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, start)
}

/// Secondary-range anchors `(left, right)` (character offsets in `segment`) and whether they use
/// `~`/`^`: a segment that parses as one expression statement, a binary operation or a subscript.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let [Stmt::Expr(stmt)] = &parsed.syntax().body[..] else {
        return None;
    };
    let s = segment.as_bytes();
    let (left, right) = match &*stmt.value {
        Expr::BinOp(b) => {
            let (lend, rstart) = (b.left.end().to_usize(), b.right.start().to_usize());
            let mut found = None;
            let mut i = lend;
            while i < rstart.min(s.len()) {
                if blank(s[i]) {
                    i += 1;
                    continue;
                }
                let mut r = i + 1;
                // A two-character operator (`//`, `**`, `<<`...).
                if i + 1 < rstart && !blank(s[i + 1]) {
                    r += 1;
                }
                found = Some((i, r));
                // A closing parenthesis of the left operand is not the operator.
                if i + 1 < rstart && s[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            found?
        }
        Expr::Subscript(x) => {
            let mut l = x.value.end().to_usize();
            let mut r = x.slice.end().to_usize() + 1;
            while l < s.len() && s[l] != b'[' {
                l += 1;
            }
            while r < s.len() && s[r] != b']' {
                r += 1;
            }
            if r < s.len() {
                r += 1;
            }
            (l, r)
        }
        _ => return None,
    };
    Some((chars_in(segment, left), chars_in(segment, right)))
}

/// The caret line (without margin) for an entry showing line `line` of `text` whose instruction has
/// source range `span` (byte offsets), or None when CPython prints none.
pub(crate) fn caret_line(text: &str, line: u32, span: (u32, u32)) -> Option<String> {
    let (start, end) = (span.0 as usize, span.1 as usize);
    if end == 0 || start > end || end > text.len() {
        return None;
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    let source_line = text
        .split('\n')
        .nth(line.checked_sub(1)? as usize)
        .map(|l| l.strip_suffix('\r').unwrap_or(l))?;
    let (_, start_line_at) = line_at(text, start);
    let (end_line, end_line_at) = line_at(text, end);
    let start_off = chars_in(source_line, start - start_line_at) as i64;
    let mut end_off = chars_in(source_line, end - end_line_at) as i64;
    let nchars = source_line.chars().count() as i64;
    let mut marks = None;
    if end_line == line {
        if start_off <= end_off && end_off <= nchars {
            let segment: String = source_line
                .chars()
                .skip(start_off as usize)
                .take((end_off - start_off) as usize)
                .collect();
            marks = anchors(&segment);
        }
    } else {
        // To the last non-blank character, scanning bytes from the length in characters (CPython).
        let b = source_line.as_bytes();
        let mut i = nchars;
        loop {
            i -= 1;
            if i < 0 || !b.get(i as usize).copied().is_some_and(blank) {
                break;
            }
        }
        end_off = i + 1;
    }
    let leading = source_line
        .chars()
        .take_while(|&c| c == ' ' || c == '\t' || c == '\x0c')
        .count() as i64;
    if end_off - start_off == nchars - leading && marks.is_none() {
        return None;
    }
    // Columns on screen: East Asian wide and fullwidth characters take two (the line's indentation
    // is ASCII, so `leading` needs no conversion).
    let width = |off: i64| -> i64 {
        source_line
            .chars()
            .take(off.max(0) as usize)
            .map(|c| if c.width() == Some(2) { 2 } else { 1 })
            .sum()
    };
    let (primary, secondary, left, right) = match marks {
        Some((l, r)) => (
            '~',
            '^',
            width(l as i64 + start_off),
            width(r as i64 + start_off),
        ),
        None => ('^', '^', -1, -1),
    };
    let (start_off, end_off) = (width(start_off), width(end_off));
    // The source line is printed after 4 spaces with its leading blanks removed.
    let mut out = String::new();
    let mut offset = leading - 4;
    while {
        offset += 1;
        offset <= end_off
    } {
        out.push(if offset <= start_off {
            ' '
        } else if marks.is_some() && left < offset && offset <= right {
            secondary
        } else {
            primary
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::caret_line;

    fn carets(src: &str, line: u32, seg: &str) -> Option<String> {
        let start = src.find(seg).unwrap() as u32;
        caret_line(src, line, (start, start + seg.len() as u32))
    }

    #[test]
    fn binop_and_subscript() {
        assert_eq!(carets("c = a + b\n", 1, "a + b").unwrap(), "        ~~^~~");
        assert_eq!(
            carets("c = (a) + b\n", 1, "(a) + b").unwrap(),
            "        ~~~~^~~"
        );
        assert_eq!(
            carets("y = 3 // x\n", 1, "3 // x").unwrap(),
            "        ~~^^~~"
        );
        assert_eq!(
            carets("v = d [ 5 ] + 1\n", 1, "d [ 5 ]").unwrap(),
            "        ~~^^^^^"
        );
        assert_eq!(
            carets("y = \"éé\" + x\n", 1, "\"éé\" + x").unwrap(),
            "        ~~~~~^~~"
        );
    }

    #[test]
    fn whole_line_and_multi_line() {
        assert_eq!(carets("f()\n", 1, "f()"), None);
        assert_eq!(carets("    f()\n", 1, "f()"), None);
        assert_eq!(carets("f()   \n", 1, "f()").unwrap(), "    ^^^");
        assert_eq!(
            carets("x = f(1,   \n  1)\n", 1, "f(1,   \n  1)").unwrap(),
            "        ^^^^"
        );
        assert_eq!(carets("f(1,\n  1)\n", 1, "f(1,\n  1)"), None);
        let src = "x = f(\"éé\", \"éé\", \"é\",\n  1)\n";
        let seg = &src[4..src.len() - 1];
        assert_eq!(
            carets(src, 1, seg).unwrap(),
            format!("        {}", "^".repeat(17))
        );
    }
}
