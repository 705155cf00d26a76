//! TOML errors in the writers' words: the slips of a Japanese keyboard at their
//! column, a `[table]` that should be `[[table]]`, a key that landed under the table
//! above it, and serde's and toml's messages reworded ("key", not "field") with a
//! "did you mean" for unknown keys.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::message::Message;
use super::problem::Problem;
use super::suggest::suggest;
use super::text::line_of;
use super::toml_slips;
use crate::msg;

/// Turns a TOML parse or type error in `text`, read as a `T`, into a [`Problem`] with
/// the line (and for a slip the column) it concerns.
///
/// `first_line` is the line of the file on which `text` starts (front matter starts
/// after the opening `+++`).
pub fn toml_problem<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    first_line: usize,
    err: &toml::de::Error,
) -> Problem {
    let start = err.span().map_or(0, |span| span.start);
    let line = line_of(text, start);
    let at = first_line + line - 1;
    let message = err.message().trim();
    let line_text = text.lines().nth(line - 1).unwrap_or("");
    if is_syntax(message)
        && let Some(slip) = toml_slips::find(line_text)
    {
        return Problem::at_column(path, at, slip.column, slip.message);
    }
    if message.starts_with("invalid type: map, expected a sequence")
        && let Some(name) = table_header(line_text)
    {
        return Problem::at(path, at, msg!("toml-table-not-list", name));
    }
    if let Some(moved) = misplaced_key::<T>(text, line, message) {
        return Problem::at(path, at, moved);
    }
    Problem::at(path, at, reworded(message))
}

/// Whether toml's message is about the text itself rather than about the values
/// serde expected.
fn is_syntax(message: &str) -> bool {
    ![
        "unknown field",
        "missing field",
        "unknown variant",
        "invalid type",
        "invalid value",
        "invalid length",
        "duplicate",
    ]
    .iter()
    .any(|serde| message.starts_with(serde))
}

/// The name of a `[name]` header line (not `[[name]]`).
fn table_header(line: &str) -> Option<String> {
    let inner = line.trim().strip_prefix('[')?.strip_suffix(']')?;
    (!inner.starts_with('[')).then(|| inner.trim().to_string())
}

/// An unknown key that would be known at the top of the file: TOML puts every key
/// below a `[table]` line into that table, so a key added at the end of the file
/// falls into the last table.
fn misplaced_key<T: DeserializeOwned>(text: &str, line: usize, message: &str) -> Option<Message> {
    let rest = message.strip_prefix("unknown field `")?;
    let key = rest.split('`').next()?;
    if !key
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let header = |l: &&str| l.trim_start().starts_with('[');
    let (table_index, table) = lines[..line.min(lines.len())]
        .iter()
        .enumerate()
        .rev()
        .find(|(_, l)| header(l))?;
    let first_table = lines.iter().position(header)? + 1;
    // The file's own type says whether the key is one of the top: only an unknown
    // key is refused by name.
    let probe = toml::from_str::<T>(&format!("{key} = 0"));
    if probe.is_err_and(|e| e.message().starts_with("unknown field")) {
        return None;
    }
    Some(msg!(
        "toml-key-under-table",
        key,
        table = table.trim(),
        table_line = table_index + 1,
        first_table_line = first_table
    ))
}

/// serde's and toml's messages in the project's words.
fn reworded(message: &str) -> Message {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known = backticked(expected);
        return match suggest(key, known.iter().copied()) {
            Some(suggestion) => msg!("toml-unknown-key-suggest", key, suggestion),
            None if !known.is_empty() => {
                msg!("toml-unknown-key-list", key, expected = quoted_list(&known))
            }
            None => msg!("toml-unknown-key", key),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return msg!("toml-missing-key", key);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known = backticked(expected);
        return msg!("toml-unknown-value", value, expected = quoted_list(&known));
    }
    // toml says only "duplicate key" for a key (or a `[redirects]` old path) written
    // twice in one table; the line is right, but the writer should know what to do.
    if message == "duplicate key" {
        return msg!("toml-duplicate-key");
    }
    // serde names Rust types ("expected u32"); writers know TOML values.
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let Some((found, expected)) = rest.split_once(", expected ") else {
            return msg!("toml-wrong-type-only", found = rest);
        };
        let expected = match expected {
            "u32" | "usize" => msg!("toml-expected-whole-number"),
            "a boolean" => msg!("toml-expected-boolean"),
            other => msg!("toml-expected", what = other),
        };
        return msg!("toml-wrong-type", found, expected);
    }
    msg!("toml-syntax", detail = message)
}

/// The words between backticks in a serde "expected ..." list.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// `` `a`, `b` or `c` `` in the language of the message.
fn quoted_list(words: &[&str]) -> Message {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    match quoted.as_slice() {
        [] => msg!("toml-something-else"),
        [one] => msg!("toml-one", one = one.clone()),
        [init @ .., last] => msg!("toml-list", init = init.join(", "), last = last.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(message: &str) -> String {
        reworded(message).to_string()
    }

    #[test]
    fn unknown_key_gets_a_suggestion() {
        let msg = said("unknown field `chanel`, expected one of `title`, `date`, `channel`");
        assert_eq!(msg, "unknown key `chanel`; did you mean `channel`?");
    }

    #[test]
    fn unknown_key_far_from_all_lists_the_keys() {
        let msg = said("unknown field `zzzzzzz`, expected `title` or `date`");
        assert_eq!(
            msg,
            "unknown key `zzzzzzz`; expected one of `title` or `date`"
        );
    }

    #[test]
    fn unknown_variant_lists_the_values() {
        let msg = said("unknown variant `ri`, expected `ir` or `pr`");
        assert_eq!(msg, "unknown value `ri`; expected `ir` or `pr`");
    }

    #[test]
    fn rust_type_names_become_toml_words() {
        let msg = said("invalid type: string \"3\", expected u32");
        assert_eq!(
            msg,
            "wrong type: string \"3\", expected a whole number (without quotes)"
        );
    }
}
