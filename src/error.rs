//! Errors: the problems found in a site's input, and the failures of a build.
//!
//! Content errors are collected, not thrown: a run reports every [`Problem`] it found
//! at once, so a writer fixes them all in one pass instead of one per build.

use std::fmt;
use std::path::{Path, PathBuf};

/// One thing wrong with the site's input, located as precisely as possible.
///
/// Problems order by file, then line, which is the order they are reported in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, relative to the site root where it lies inside it.
    pub path: PathBuf,
    /// The 1-based line in that file, where there is one.
    pub line: Option<usize>,
    /// What is wrong and what is expected, as a short lowercase phrase.
    pub message: String,
}

impl Problem {
    /// A problem at a line of a file.
    pub fn at(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            line: Some(line),
            message: message.into(),
        }
    }

    /// A problem with a whole file, or a file that has no meaningful line.
    pub fn in_file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// Why a build did not produce output.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The site's input has problems; every one found in this run is listed.
    #[error("{}", list(.0))]
    Invalid(Vec<Problem>),
    /// A file system operation failed.
    // The cause is in the message and deliberately not a `source`, or a printed
    // error chain would repeat it.
    #[error("{context}: {cause}")]
    Io {
        /// What the build was doing, naming the path.
        context: String,
        /// The underlying failure.
        cause: std::io::Error,
    },
    /// The output folder exists but was not written by crisis-site, so replacing it
    /// could destroy someone's files.
    #[error(
        "{}: refusing to replace it, since crisis-site did not write it (no {} inside); \
         expected an empty folder, a missing one, or the output of an earlier build",
        .0.display(),
        crate::output::MARKER
    )]
    ForeignOutput(PathBuf),
}

impl Error {
    /// Wraps an I/O error with what was being done, e.g. "cannot read content/x.md".
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            cause: source,
        }
    }
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(Problem::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

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

/// The 1-based line on which byte `offset` of `text` lies.
pub fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
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

/// The end of a message about an unknown name: "did you mean" the likely typo, else
/// the list of `known` names, else (when there are none) `none_known`.
pub fn unknown_name_hint(
    word: &str,
    known: &[&str],
    none_known: impl FnOnce() -> String,
) -> String {
    match suggest(word, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if known.is_empty() => none_known(),
        None => format!(
            "expected one of {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The candidate closest to `word`, when it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(distance, c)| *distance <= 2.max(c.len() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
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

    #[test]
    fn lines_are_counted_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }
}
