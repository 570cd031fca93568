//! CPython's tokenizer limits, checked on ruff's tokens before compiling: at most 200 nested brackets
//! (`SyntaxError: too many nested parentheses`) and 100 indentation levels (`IndentationError: too many
//! levels of indentation`). Besides matching CPython's errors, they bound how deeply the parser and the
//! compiler recurse for bracketed and indented source. (Other deep nesting, `-(-(-...))`, is bounded by
//! the symbol table's depth limit.)

use super::CompileError;
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_source_file::LineIndex;
use ruff_text_size::{Ranged, TextSize};

const MAX_PAREN_LEVEL: usize = 200;
const MAX_INDENT: usize = 100;

/// The first nesting error before `first_error` (the parser's first error: CPython's tokenizer stops at
/// whichever it meets first).
pub(super) fn check_nesting(
    src: &str,
    lines: &LineIndex,
    filename: &str,
    tokens: &Tokens,
    first_error: Option<TextSize>,
) -> Option<CompileError> {
    // Cheap filter: each level needs a bracket character or a column of indentation.
    let brackets = src.bytes().filter(|b| b"([{".contains(b)).count();
    let deep_indent = src
        .lines()
        .any(|l| l.len() - l.trim_start().len() >= MAX_INDENT);
    if brackets <= MAX_PAREN_LEVEL && !deep_indent {
        return None;
    }
    let (mut level, mut indent, mut fstring) = (0usize, 0usize, 0usize);
    for tok in tokens.iter() {
        if first_error.is_some_and(|e| tok.start() >= e) {
            return None;
        }
        match tok.kind() {
            // In 3.11 an f-string is one token; its fields are tokenized separately.
            TokenKind::FStringStart => fstring += 1,
            TokenKind::FStringEnd => fstring = fstring.saturating_sub(1),
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace if fstring == 0 => {
                level += 1;
                if level > MAX_PAREN_LEVEL {
                    return Some(error(src, lines, filename, tok.start(), true));
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace if fstring == 0 => {
                level = level.saturating_sub(1)
            }
            TokenKind::Indent => {
                indent += 1;
                if indent >= MAX_INDENT {
                    return Some(error(src, lines, filename, tok.start(), false));
                }
            }
            TokenKind::Dedent => indent = indent.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn error(src: &str, lines: &LineIndex, filename: &str, at: TextSize, paren: bool) -> CompileError {
    let lc = lines.line_column(at, src);
    let line = lc.line.get() as u32;
    let text = src
        .split('\n')
        .nth(line as usize - 1)
        .map(|s| s.trim_end_matches('\r').to_string());
    if paren {
        let col = lc.column.get() as u32;
        CompileError {
            kind: "SyntaxError",
            msg: "too many nested parentheses".into(),
            filename: filename.to_string(),
            line,
            col,
            end_col: col + 1,
            text,
        }
    } else {
        // CPython reports the line without a caret.
        CompileError {
            kind: "IndentationError",
            msg: "too many levels of indentation".into(),
            filename: filename.to_string(),
            line,
            col: 0,
            end_col: 0,
            text,
        }
    }
}
