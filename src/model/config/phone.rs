//! A contact desk's `phone` field read as a phone dials it: the number, an extension,
//! and whatever else the writer put in the field (hours, notes), which a `tel:` link
//! must not carry.

use crate::base::text::ascii_of_full_width;

/// What a `phone` field holds, once read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// The number's digits, with a leading `+` for an international number.
    pub number: String,
    /// The extension's digits (内線 2, ext. 2, x 2), if the field gives one.
    pub extension: Option<String>,
    /// What follows the number and its extension, as written and trimmed: empty when
    /// the field is only a number.
    pub rest: String,
}

/// The fewest digits a number has (110, 119).
const MIN_DIGITS: usize = 3;

/// What introduces an extension, lowercase, longest first where one starts another.
const EXTENSION_MARKERS: [&str; 5] = ["内線", "extension", "ext.", "ext", "x"];

impl Phone {
    /// Reads a `phone` field: a number at its start (full-width digits, `＋` and
    /// dashes read as their ASCII forms; hyphens, dots, spaces and an area code in
    /// brackets as separators), then an optional extension, then the rest. `None`
    /// when the field does not start with a number of at least three digits.
    pub fn parse(field: &str) -> Option<Phone> {
        let chars: Vec<char> = field.chars().map(normal).collect();
        let mut at = skip_spaces(&chars, 0);
        let mut number = String::new();
        if chars.get(at) == Some(&'+') {
            number.push('+');
            at += 1;
        }
        let (digits, end) = digits(&chars, at, true);
        if digits.len() < MIN_DIGITS {
            return None;
        }
        number.push_str(&digits);
        let (extension, end) = match extension(&chars, end) {
            Some((digits, end)) => (Some(digits), end),
            None => (None, end),
        };
        let rest: String = field.chars().skip(end).collect();
        Some(Phone {
            number,
            extension,
            rest: rest.trim().to_string(),
        })
    }

    /// The `tel:` link (RFC 3966): the number's digits and `;ext=` with the
    /// extension's, e.g. `tel:0312345678;ext=2`.
    pub fn tel(&self) -> String {
        match &self.extension {
            Some(ext) => format!("tel:{};ext={ext}", self.number),
            None => format!("tel:{}", self.number),
        }
    }
}

/// A character as a number is read: full-width ASCII as ASCII, any space as a space,
/// every dash and the long-vowel mark an IME types for one as `-`.
fn normal(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => ascii_of_full_width(c),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{30FC}' | '\u{FF70}' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

fn skip_spaces(chars: &[char], mut at: usize) -> usize {
    while chars.get(at) == Some(&' ') {
        at += 1;
    }
    at
}

/// The digits of a number starting at `at`, and where it ends (after its last
/// digit or bracket). Separators count only between digits; with `brackets`, a
/// bracketed group of digits followed by more digits (`(03) 1234-5678`,
/// `03(1234)5678`) is part of the number, and any other bracket ends it.
fn digits(chars: &[char], at: usize, brackets: bool) -> (String, usize) {
    let (mut digits, mut end, mut i) = (String::new(), at, at);
    loop {
        match chars.get(i) {
            Some(c) if c.is_ascii_digit() => {
                digits.push(*c);
                i += 1;
                end = i;
            }
            Some('-' | '.' | ' ') if !digits.is_empty() => i += 1,
            Some('(') if brackets => match bracketed(chars, i) {
                Some((group, after)) => {
                    digits.push_str(&group);
                    i = after;
                    end = after;
                }
                None => break,
            },
            _ => break,
        }
    }
    (digits, end)
}

/// The digits of a bracketed group at `at` and the index after its `)`, when it
/// holds only digits and separators and more digits follow it.
fn bracketed(chars: &[char], at: usize) -> Option<(String, usize)> {
    let close = at + chars[at..].iter().position(|c| *c == ')')?;
    let inside = &chars[at + 1..close];
    let only_digits = inside
        .iter()
        .all(|c| c.is_ascii_digit() || "-. ".contains(*c));
    let group: String = inside.iter().filter(|c| c.is_ascii_digit()).collect();
    let more = chars[close + 1..]
        .iter()
        .find(|c| !"-. ".contains(**c))
        .is_some_and(char::is_ascii_digit);
    (only_digits && !group.is_empty() && more).then_some((group, close + 1))
}

/// An extension at `at`: an optional `,` or `;`, a marker (内線, ext., x), an
/// optional `:`, its digits, the whole optionally in brackets. Its digits and where
/// it ends.
fn extension(chars: &[char], at: usize) -> Option<(String, usize)> {
    let mut i = skip_spaces(chars, at);
    if matches!(chars.get(i), Some(',' | ';')) {
        i = skip_spaces(chars, i + 1);
    }
    let bracket = chars.get(i) == Some(&'(');
    if bracket {
        i = skip_spaces(chars, i + 1);
    }
    let lower: String = chars[i..].iter().flat_map(|c| c.to_lowercase()).collect();
    let marker = EXTENSION_MARKERS.iter().find(|m| lower.starts_with(*m))?;
    i = skip_spaces(chars, i + marker.chars().count());
    if chars.get(i) == Some(&':') {
        i = skip_spaces(chars, i + 1);
    }
    let (digits, mut end) = digits(chars, i, false);
    if digits.is_empty() {
        return None;
    }
    if bracket {
        let close = skip_spaces(chars, end);
        if chars.get(close) != Some(&')') {
            return None;
        }
        end = close + 1;
    }
    Some((digits, end))
}

#[cfg(test)]
mod tests {
    use super::Phone;

    fn tel(field: &str) -> Option<String> {
        Phone::parse(field).map(|p| p.tel())
    }

    fn rest(field: &str) -> String {
        Phone::parse(field).unwrap().rest
    }

    #[test]
    fn a_number_alone_is_its_digits() {
        assert_eq!(tel("0120-000-123").as_deref(), Some("tel:0120000123"));
        assert_eq!(tel(" 03 1234 5678 ").as_deref(), Some("tel:0312345678"));
        assert_eq!(tel("03.1234.5678").as_deref(), Some("tel:0312345678"));
        assert_eq!(rest("0120-000-123"), "");
    }

    #[test]
    fn a_leading_plus_is_kept() {
        assert_eq!(tel("+81-3-1234-5678").as_deref(), Some("tel:+81312345678"));
        assert_eq!(
            tel("＋８１ ３ １２３４ ５６７８").as_deref(),
            Some("tel:+81312345678")
        );
    }

    #[test]
    fn full_width_digits_and_dashes_are_read() {
        assert_eq!(
            tel("０３−１２３４−５６７８").as_deref(),
            Some("tel:0312345678")
        );
        assert_eq!(
            tel("０３－１２３４－５６７８").as_deref(),
            Some("tel:0312345678")
        );
        assert_eq!(
            tel("０３ー１２３４ー５６７８").as_deref(),
            Some("tel:0312345678")
        );
        assert_eq!(tel("03‐1234–5678").as_deref(), Some("tel:0312345678"));
        assert_eq!(
            tel("０３　１２３４　５６７８").as_deref(),
            Some("tel:0312345678")
        );
    }

    #[test]
    fn the_number_stops_at_the_first_text_that_is_not_part_of_it() {
        let field = "0120-000-000（平日 9:00〜18:00）";
        assert_eq!(tel(field).as_deref(), Some("tel:0120000000"));
        assert_eq!(rest(field), "（平日 9:00〜18:00）");
        let field = "0120-000-000 (9-18)";
        assert_eq!(tel(field).as_deref(), Some("tel:0120000000"));
        assert_eq!(rest(field), "(9-18)");
        let field = "03-1234-5678 平日のみ";
        assert_eq!(tel(field).as_deref(), Some("tel:0312345678"));
        assert_eq!(rest(field), "平日のみ");
    }

    #[test]
    fn an_area_code_in_brackets_is_part_of_the_number() {
        assert_eq!(tel("(03) 1234-5678").as_deref(), Some("tel:0312345678"));
        assert_eq!(tel("03(1234)5678").as_deref(), Some("tel:0312345678"));
        assert_eq!(
            tel("０３（１２３４）５６７８").as_deref(),
            Some("tel:0312345678")
        );
    }

    #[test]
    fn an_extension_becomes_ext() {
        for field in [
            "03-1234-5678 内線 2",
            "03-1234-5678 内線2",
            "03-1234-5678（内線：２）",
            "03-1234-5678 ext. 2",
            "03-1234-5678, Ext 2",
            "03-1234-5678 extension 2",
            "03-1234-5678 x 2",
            "03-1234-5678x2",
        ] {
            assert_eq!(
                tel(field).as_deref(),
                Some("tel:0312345678;ext=2"),
                "{field}"
            );
            assert_eq!(rest(field), "", "{field}");
        }
        let field = "03-1234-5678 内線 21（平日のみ）";
        assert_eq!(tel(field).as_deref(), Some("tel:0312345678;ext=21"));
        assert_eq!(rest(field), "（平日のみ）");
    }

    #[test]
    fn a_marker_without_digits_is_no_extension() {
        let field = "03-1234-5678 内線は受付でお尋ねください";
        assert_eq!(tel(field).as_deref(), Some("tel:0312345678"));
        assert_eq!(rest(field), "内線は受付でお尋ねください");
        let field = "03-1234-5678 (内線 2";
        assert_eq!(tel(field).as_deref(), Some("tel:0312345678"));
        assert_eq!(rest(field), "(内線 2");
    }

    #[test]
    fn a_field_that_does_not_start_with_a_number_has_none() {
        assert_eq!(tel("フリーダイヤル 0120-000-000"), None);
        assert_eq!(tel("平日 9:00〜18:00"), None);
        assert_eq!(tel("12"), None);
        assert_eq!(tel(""), None);
        assert_eq!(tel("+"), None);
    }
}
