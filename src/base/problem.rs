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

/// What is wrong with one value, and what is expected instead, as a short lowercase
/// phrase: the answer of a function that reads a value without knowing where it was
/// written. The caller makes it a [`Problem`] at the value's file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub String);

impl Invalid {
    /// The message as written.
    pub fn message(&self) -> &str {
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
