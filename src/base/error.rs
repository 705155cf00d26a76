//! Why a run of the tool did not produce its result.

use std::path::PathBuf;

use super::problem::Problem;

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
        "{}: refusing to replace it, since crisis-site did not write it (no {marker} inside); \
         expected an empty folder, a missing one, or the output of an earlier build",
        .path.display()
    )]
    ForeignOutput {
        /// The folder.
        path: PathBuf,
        /// The name of the file crisis-site marks its output folders with.
        marker: &'static str,
    },
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
