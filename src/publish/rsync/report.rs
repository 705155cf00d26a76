//! What rsync prints, read: the names of `--list-only`, the changes of
//! `--out-format=%i %n`, and the lines of its errors worth telling.

use crate::output;
use crate::publish::Changes;

/// The name in one line of `rsync --list-only`: after the permissions, the size,
/// the date and the time.
pub(super) fn listed_name(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for _ in 0..4 {
        let end = rest.find(char::is_whitespace)?;
        rest = rest[end..].trim_start();
    }
    (!rest.is_empty()).then_some(rest)
}

/// What ssh said of why it could not log in: the last line that is not rsync's own
/// ("connection unexpectedly closed"), else the last line.
pub(super) fn shell_reason(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines
        .iter()
        .rev()
        .find(|l| !l.starts_with("rsync"))
        .or(lines.last())
        .map(|l| crate::base::text::printable(l, false).into_owned())
        .unwrap_or_default()
}

/// What rsync said on failing, on one line: its messages without the summary line
/// (`rsync error: … (code N) at main.c(…)`), whose code the message gives already.
pub(super) fn said(stderr: &str) -> String {
    let lines: Vec<String> = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("rsync error: "))
        .map(|l| crate::base::text::printable(l, false).into_owned())
        .collect();
    if lines.is_empty() {
        stderr.trim().to_string()
    } else {
        lines.join(" / ")
    }
}

/// The changes rsync reported (`--out-format=%i %n`): files sent new (`<f+++++++++`)
/// are added, other files sent are changed, `*deleting` files removed; folders and
/// the marker are left out.
pub(super) fn changes(reported: &str) -> Changes {
    let mut changes = Changes::default();
    for line in reported.lines() {
        let (Some(code), Some(name)) = (line.get(..11), line.get(12..)) else {
            continue;
        };
        let name = unescape(name);
        if name.ends_with('/') || name == output::MARKER {
            continue;
        }
        let bytes = code.as_bytes();
        if code.starts_with("*deleting") {
            changes.removed.push(name);
        } else if matches!(bytes[0], b'<' | b'>') && bytes[1] == b'f' {
            if &code[2..] == "+++++++++" {
                changes.added.push(name);
            } else {
                changes.changed.push(name);
            }
        }
    }
    for list in [
        &mut changes.added,
        &mut changes.changed,
        &mut changes.removed,
    ] {
        list.sort();
        list.dedup();
    }
    changes
}

/// A name as rsync prints it, with the bytes it escapes (`\#ooo`, octal) restored.
fn unescape(name: &str) -> String {
    let bytes = name.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let octal = bytes
            .get(i + 2..i + 5)
            .filter(|d| d.iter().all(|b| (b'0'..=b'7').contains(b)));
        match octal {
            Some(d) if bytes[i] == b'\\' && bytes[i + 1] == b'#' => {
                out.push((d[0] - b'0') * 64 + (d[1] - b'0') * 8 + (d[2] - b'0'));
                i += 5;
            }
            _ => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_lines_are_changes() {
        let reported = "cd+++++++++ assets/\n<f+++++++++ assets/a.css\n<f+++++++++ .crisis-site-output\n\
            <fcs....... index.html\n.f...p..... robots.txt\n*deleting   old/index.html\n\
            *deleting   old/\n<f+++++++++ \\#343\\#201\\#202.pdf\n";
        let changes = changes(reported);
        assert_eq!(changes.added, ["assets/a.css", "あ.pdf"]);
        assert_eq!(changes.changed, ["index.html"]);
        assert_eq!(changes.removed, ["old/index.html"]);
    }

    #[test]
    fn listed_names_follow_the_time() {
        assert_eq!(
            listed_name("drwxr-xr-x          4,096 2026/01/01 12:00:00 ."),
            Some(".")
        );
        assert_eq!(
            listed_name("-rw-r--r--              2 2026/01/01 12:00:00 a b.html"),
            Some("a b.html")
        );
        assert_eq!(listed_name(""), None);
    }
}
