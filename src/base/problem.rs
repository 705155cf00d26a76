//! Problems: what is wrong with a site's input, located as precisely as possible.
//!
//! Content errors are collected, not thrown: a run reports every [`Problem`] it found
//! at once, so a writer fixes them all in one pass instead of one per build. Three
//! types carry what is wrong, each at its own stage:
//! - [`Invalid`]: what is wrong with one value, said by the function that reads it,
//!   which does not know where the value was written;
//! - [`Located`]: a value (such as an `Invalid` message) with the line it stands on,
//!   where the file is the caller's;
//! - [`Problem`]: a message with its file and line, as the writer is shown it.

use std::fmt;
use std::path::PathBuf;

use super::message::{Message, MessageLang};
use super::text::printable;

/// One thing wrong with the site's input, located as precisely as possible.
///
/// Problems order by file, then line, which is the order they are reported in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, relative to the site root where it lies inside it.
    pub path: PathBuf,
    /// The 1-based line in that file, where there is one.
    pub line: Option<usize>,
    /// The 1-based column (in characters) on that line, where it helps: a slip of
    /// one character, such as a full-width space.
    pub column: Option<usize>,
    /// What is wrong and what to do instead.
    pub message: Message,
}

impl Problem {
    /// A problem at a line of a file.
    pub fn at(path: impl Into<PathBuf>, line: usize, message: impl Into<Message>) -> Self {
        Problem {
            path: path.into(),
            line: Some(line),
            column: None,
            message: message.into(),
        }
    }

    /// A problem at a line and column of a file.
    pub fn at_column(
        path: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<Message>,
    ) -> Self {
        Problem {
            column: Some(column),
            ..Problem::at(path, line, message)
        }
    }

    /// A problem with a whole file, or a file that has no meaningful line.
    pub fn in_file(path: impl Into<PathBuf>, message: impl Into<Message>) -> Self {
        Problem {
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

impl Problem {
    /// The problem as the writer reads it in `lang`: `path:line: message`, the place
    /// first in every language, so that editors and CI can jump to it.
    pub fn text(&self, lang: MessageLang) -> String {
        let message = self.message.text(lang);
        // A file name may hold a terminal's escape sequences or a line break.
        let path = self.path.display().to_string();
        let path = printable(&path, false);
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{path}:{line}:{column}: {message}"),
            (Some(line), None) => format!("{path}:{line}: {message}"),
            (None, _) => format!("{path}: {message}"),
        }
    }
}

/// In English; [`Problem::text`] says it in another language.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(MessageLang::En))
    }
}

/// What is wrong with one value, and what is expected instead: the answer of a
/// function that reads a value without knowing where it was written. The caller
/// makes it a [`Problem`] at the value's file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub Message);

impl Invalid {
    /// What is wrong.
    pub fn new(message: impl Into<Message>) -> Invalid {
        Invalid(message.into())
    }

    /// The message.
    pub fn message(&self) -> &Message {
        &self.0
    }
}

/// A value with the 1-based line of the file it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// The line.
    pub line: usize,
    /// The value.
    pub value: T,
}

impl<T> Located<T> {
    /// `value`, read at `line`.
    pub fn new(line: usize, value: T) -> Located<T> {
        Located { line, value }
    }
}
