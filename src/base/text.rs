//! Small text helpers every layer needs: lines of a text, characters XML can hold,
//! and paths written with `/` for URLs.

/// The 1-based line on which byte `offset` of `text` lies.
pub fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Whether `c` is a bidirectional control: an embedding, override or isolate
/// (U+202A–U+202E, U+2066–U+2069), which reorders the text after it on screen
/// (`rlo\u{202e}fdp.exe` shows as "rloexe.pdf").
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` as a terminal may show it: control characters (line breaks too, where
/// `line_breaks` is false) and bidirectional controls written as `\u{1b}`, so a file
/// name or value cannot move the cursor, recolour the terminal or reorder the
/// message around it.
pub fn printable(text: &str, line_breaks: bool) -> std::borrow::Cow<'_, str> {
    let escaped = |c: char| (c.is_control() && !(line_breaks && c == '\n')) || is_bidi_control(c);
    if !text.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `text` with full-width ASCII forms (`２０２３`, `＝`, `＂`) and the ideographic
/// space made half-width, and the dashes people type in numbers (`−`, `‐`) made `-`:
/// what a Japanese input method gives where the writer meant ASCII. The long vowel
/// mark `ー` is left as it is: in words it is not a dash.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => ascii_of_full_width(c),
            '\u{3000}' => ' ',
            '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => '-',
            other => other,
        })
        .collect()
}

/// The ASCII character a full-width form (U+FF01 to U+FF5E: `２`, `＝`, `＋`) stands
/// for; any other character as it is.
pub fn ascii_of_full_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
        other => other,
    }
}

/// `xml` without the characters XML 1.0 cannot hold, even escaped: control characters
/// other than tab and line breaks, and U+FFFE and U+FFFF. A title or body may carry
/// one pasted from another tool; pages and status.json keep it, but a feed reader
/// refuses the whole feed for it. Outside text they never occur (the markup the feed
/// is written with is ASCII), so dropping them keeps the rest of the XML as it was.
/// status.svg, also XML, gives its text (the site's title) through it too.
pub fn xml_chars(xml: &str) -> String {
    xml.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect()
}

/// A relative file-system path as an output path: `/` separators on every system.
pub fn slash_separated(relative: &std::path::Path) -> String {
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Bytes as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// A relative path made safe for `href`: every byte but unreserved ones and `/`
/// percent-encoded, so attachments named `調査報告書 (1).pdf` or `a#b.pdf` link right.
pub fn url_encoded(relative: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    relative
        .split('/')
        .map(|segment| utf8_percent_encode(segment, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// The link from the file at `from` to the file at `to`, both relative to the output
/// root: links are relative, so the output works from disk, under any sub-path and on
/// any static host.
pub fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    format!("{}{to}", "../".repeat(depth))
}

#[cfg(test)]
mod tests {
    #[test]
    fn printable_escapes_control_and_bidi_characters() {
        assert_eq!(
            super::printable("a\u{1b}[31mb\u{9b}\u{202e}c\u{2066}\td\ne", true),
            "a\\u{1b}[31mb\\u{9b}\\u{202e}c\\u{2066}\\u{9}d\ne"
        );
        assert_eq!(super::printable("a\nb", false), "a\\u{a}b");
        assert!(matches!(
            super::printable("見出し", false),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    use super::*;

    #[test]
    fn lines_are_counted_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }

    #[test]
    fn links_climb_out_of_the_page_folder() {
        assert_eq!(relative("index.html", "style.css"), "style.css");
        assert_eq!(
            relative("en/announcements/x/index.html", "announcements/index.html"),
            "../../../announcements/index.html"
        );
    }

    #[test]
    fn attachment_names_are_encoded_for_links() {
        assert_eq!(
            url_encoded("報告書 (1).pdf"),
            "%E5%A0%B1%E5%91%8A%E6%9B%B8%20%281%29.pdf"
        );
        assert_eq!(url_encoded("data/a#b?.csv"), "data/a%23b%3F.csv");
        assert_eq!(url_encoded("report-v1_final.pdf"), "report-v1_final.pdf");
    }
}
