//! The slips people make typing TOML on a Japanese keyboard, found on the line the
//! TOML reader stopped at: a full-width space, `＝`, `＃` or `：`, curly quotes,
//! full-width digits, a date or a text without quotes. Each is told at its column
//! with what to type instead, since the reader's own words ("invalid unquoted key")
//! do not say it.

use super::message::Message;
use super::text::half_width;
use super::time::as_written;
use crate::msg;

/// A slip on one line: its 1-based column (in characters) and what to say.
pub struct Slip {
    /// Where the slip is on the line.
    pub column: usize,
    /// What is wrong and what to type instead.
    pub message: Message,
}

/// The slip on `line`, if it has one of those this module knows.
pub fn find(line: &str) -> Option<Slip> {
    let outside = outside_strings(line);
    let slip = |(at, message): (usize, Message)| Slip {
        column: line[..at].chars().count() + 1,
        message,
    };
    let first = |wanted: &[char]| outside.iter().find(|(_, c)| wanted.contains(c)).copied();
    if let Some((at, _)) = first(&['\u{3000}']) {
        return Some(slip((at, msg!("toml-full-width-space"))));
    }
    let key = line
        .split(['=', '＝', ':', '：'])
        .next()
        .unwrap_or("")
        .trim();
    if let Some((at, _)) = first(&['＝']) {
        return Some(slip((at, msg!("toml-full-width-equals", key))));
    }
    if line.trim_start().starts_with('＃') {
        let at = line.find('＃').unwrap_or(0);
        return Some(slip((at, msg!("toml-full-width-hash"))));
    }
    if let Some((at, quote)) = first(&['“', '”', '‘', '’', '＂', '＇', '「', '」']) {
        return Some(slip((at, msg!("toml-curly-quotes", quote))));
    }
    if !line.contains('=')
        && let Some((at, colon)) = first(&['：', ':'])
    {
        return Some(slip((at, msg!("toml-colon", key, colon))));
    }
    value_slip(line).map(slip)
}

/// A slip in the value of `key = value`: full-width digits, or a date or a text
/// without quotes.
fn value_slip(line: &str) -> Option<(usize, Message)> {
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    let at = line.len() - value.trim_start().len();
    let value = value.split(" #").next().unwrap_or(value).trim();
    if value.is_empty() || value.starts_with(['"', '\'', '[', '{']) {
        return None;
    }
    if let Some(written) = as_written(value) {
        return Some((at, msg!("toml-unquoted-date", key, value, written)));
    }
    if value.chars().any(|c| ('０'..='９').contains(&c)) {
        let written = half_width(value);
        return Some((at, msg!("toml-full-width-digits", value, written)));
    }
    let literal = matches!(value, "true" | "false") || value.parse::<f64>().is_ok();
    let date = value.len() >= 10 && value.as_bytes()[4] == b'-';
    (!literal && !date).then(|| (at, msg!("toml-unquoted-text", key, value)))
}

/// The characters of `line` outside ASCII-quoted strings and comments, with their
/// byte offsets: a full-width space inside a title is text, not a slip.
fn outside_strings(line: &str) -> Vec<(usize, char)> {
    let mut outside = Vec::new();
    let mut quote = None;
    let mut escaped = false;
    for (at, c) in line.char_indices() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' && q == '"' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' => break,
            None => outside.push((at, c)),
        }
    }
    outside
}

#[cfg(test)]
mod tests {
    use super::find;
    use crate::base::MessageLang;

    fn said(line: &str) -> (usize, String) {
        let slip = find(line).expect("a slip");
        (slip.column, slip.message.text(MessageLang::Ja))
    }

    #[test]
    fn each_slip_at_its_column() {
        assert_eq!(said("　title = \"x\"").0, 1);
        assert_eq!(said("channel ＝ \"pr\"").0, 9);
        assert_eq!(said("title = “x”").0, 9);
        assert_eq!(said("number = ２").0, 10);
        assert_eq!(said("title： \"x\"").0, 6);
    }

    #[test]
    fn text_inside_quotes_is_not_a_slip() {
        assert!(find("title = \"第１報　お知らせ「重要」\"").is_none());
        assert!(find("number = 2").is_none());
        assert!(find("date = 2026-11-30T17:00:00+09:00").is_none());
        assert!(find("draft = true").is_none());
        assert!(find("[[services]]").is_none());
    }

    #[test]
    fn a_date_typed_by_hand_gets_the_form_to_type() {
        let (_, text) = said("date = 2026/11/30 17:00");
        assert_eq!(
            text,
            "日付「2026/11/30 17:00」は引用符で囲み、crisis-site が読める形で書いてください: date = \"2026-11-30T17:00\""
        );
    }
}
