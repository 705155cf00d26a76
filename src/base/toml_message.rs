//! TOML errors in the writers' words: serde's and toml's messages reworded into the
//! project's vocabulary ("key", not "field"), with the line they concern and a "did
//! you mean" for unknown keys.

use std::path::Path;

use super::problem::Problem;
use super::suggest::suggest;
use super::text::line_of;

/// Turns a TOML parse or type error into a [`Problem`] with the line it concerns.
///
/// `first_line` is the line of the file on which `text` starts (front matter starts
/// after the opening `+++`). Messages from serde are reworded into the project's
/// vocabulary ("key", not "field") and unknown keys get a "did you mean" hint.
pub fn toml_problem(path: &Path, text: &str, first_line: usize, err: &toml::de::Error) -> Problem {
    let line = err
        .span()
        .map(|span| line_of(text, span.start))
        .unwrap_or(1);
    let message = reword_serde_message(err.message().trim());
    Problem::at(path, first_line + line - 1, message)
}

fn reword_serde_message(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known = backticked(expected);
        let mut out = format!("unknown key `{key}`");
        match suggest(key, known.iter().copied()) {
            Some(best) => out.push_str(&format!("; did you mean `{best}`?")),
            None if !known.is_empty() => {
                out.push_str(&format!("; expected one of {}", quoted_list(&known)))
            }
            None => {}
        }
        return out;
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return format!("missing required key `{key}`");
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known = backticked(expected);
        return format!("unknown value `{value}`; expected {}", quoted_list(&known));
    }
    // toml says only "duplicate key" for a key (or a `[redirects]` old path) written
    // twice in one table; the line is right, but the writer should know what to do.
    if message == "duplicate key" {
        return "this key is already set earlier in the same table; expected each key once"
            .to_string();
    }
    // serde names Rust types ("expected u32"); writers know TOML values.
    let mut message = message.replace("invalid type: ", "wrong type: ");
    for (rust, toml) in [
        ("expected u32", "expected a whole number (without quotes)"),
        ("expected usize", "expected a whole number (without quotes)"),
        (
            "expected a boolean",
            "expected true or false (without quotes)",
        ),
    ] {
        message = message.replace(rust, toml);
    }
    message
}

/// The words between backticks in a serde "expected ..." list.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn quoted_list(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    match quoted.as_slice() {
        [] => String::from("something else"),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_gets_a_suggestion() {
        let msg = reword_serde_message(
            "unknown field `chanel`, expected one of `title`, `date`, `channel`",
        );
        assert_eq!(msg, "unknown key `chanel`; did you mean `channel`?");
    }

    #[test]
    fn unknown_key_far_from_all_lists_the_keys() {
        let msg = reword_serde_message("unknown field `zzzzzzz`, expected `title` or `date`");
        assert_eq!(
            msg,
            "unknown key `zzzzzzz`; expected one of `title` or `date`"
        );
    }

    #[test]
    fn unknown_variant_lists_the_values() {
        let msg = reword_serde_message("unknown variant `ri`, expected `ir` or `pr`");
        assert_eq!(msg, "unknown value `ri`; expected `ir` or `pr`");
    }

    #[test]
    fn rust_type_names_become_toml_words() {
        let msg = reword_serde_message("invalid type: string \"3\", expected u32");
        assert_eq!(
            msg,
            "wrong type: string \"3\", expected a whole number (without quotes)"
        );
    }
}
