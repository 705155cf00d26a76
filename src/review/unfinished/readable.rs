//! What a reader may see of a file the `placeholder` rule reads: the string values
//! of TOML (site.toml, front matter), not its keys or comments, and the lines of a
//! markdown body.

/// The lines of a TOML text that hold string values, with the text of the strings on
/// each (a multi-line string gives each of its lines): what a reader may see of it.
/// Keys, comments and other values are left out.
pub(super) fn toml_strings(text: &str) -> Vec<(usize, String)> {
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut add = |line: usize, piece: &str| match found.last_mut() {
        Some((l, text)) if *l == line => {
            text.push(' ');
            text.push_str(piece);
        }
        _ => found.push((line, piece.to_string())),
    };
    let mut line = 1;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let quote = match c {
            '\n' => {
                line += 1;
                rest = &rest[1..];
                continue;
            }
            '#' => {
                rest = rest.find('\n').map_or("", |at| &rest[at..]);
                continue;
            }
            '"' | '\'' => c,
            _ => {
                rest = &rest[c.len_utf8()..];
                continue;
            }
        };
        let triple: String = [quote; 3].iter().collect();
        let (close, open_len) = if rest.starts_with(&triple) {
            (triple.as_str(), 3)
        } else {
            (&triple[..1], 1)
        };
        let body = &rest[open_len..];
        let end = string_end(body, close, quote == '"').unwrap_or(body.len());
        for (i, piece) in body[..end].split('\n').enumerate() {
            add(line + i, piece);
        }
        line += body[..end].matches('\n').count();
        rest = &body[(end + close.len()).min(body.len())..];
    }
    found
}

/// Where a string closed by `close` ends in `body`: escapes skipped in a basic string;
/// a one-line string ends at the line's end at the latest.
fn string_end(body: &str, close: &str, basic: bool) -> Option<usize> {
    let mut chars = body.char_indices();
    while let Some((at, c)) = chars.next() {
        if basic && c == '\\' {
            chars.next();
        } else if body[at..].starts_with(close) || (c == '\n' && close.len() == 1) {
            return Some(at);
        }
    }
    None
}

/// The lines of a content file a reader may see, with their numbers: the string values
/// of its front matter (not its keys or TOML comments), then every line of its body
/// (HTML comments included: they are in the published page).
pub(super) fn readable_lines(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let close = match lines.first() {
        Some(first) if first.trim() == "+++" => lines[1..]
            .iter()
            .position(|l| l.trim() == "+++")
            .map_or(0, |i| i + 1),
        _ => 0,
    };
    let mut readable: Vec<(usize, String)> = Vec::new();
    if close > 0 {
        readable.extend(
            toml_strings(&lines[1..close].join("\n"))
                .into_iter()
                .map(|(n, l)| (n + 1, l)),
        );
    }
    let body = if close > 0 { close + 1 } else { 0 };
    readable.extend((body..lines.len()).map(|i| (i + 1, lines[i].to_string())));
    readable
}
