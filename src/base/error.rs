//! Why a run of the tool did not produce its result.

use std::path::PathBuf;

use super::message::{Message, MessageLang};
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
        context: Message,
        /// The underlying failure.
        cause: std::io::Error,
    },
    /// The output folder exists but was not written by crisis-site, so replacing it
    /// could destroy someone's files.
    #[error("{}", self.text(MessageLang::En))]
    ForeignOutput {
        /// The folder.
        path: PathBuf,
        /// The name of the file crisis-site marks its output folders with.
        marker: &'static str,
    },
    /// What the run was asked to do is refused, for the reason the message gives
    /// (an output folder that is one of the site's inputs, for one).
    #[error("{}", .0.text(MessageLang::En))]
    Refused(Message),
    /// Another machine could not be reached, or failed to take what was sent, for the
    /// reason the message gives (a publish target's network, a server's error):
    /// trying again later may succeed, unlike a refusal.
    #[error("{}", .0.text(MessageLang::En))]
    Unavailable(Message),
}

impl Error {
    /// Wraps an I/O error with what was being done, e.g. "cannot read content/x.md".
    pub fn io(context: impl Into<Message>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            cause: source,
        }
    }

    /// The error as its user reads it in `lang`: for problems, one line each.
    pub fn text(&self, lang: MessageLang) -> String {
        match self {
            Error::Invalid(problems) => problems
                .iter()
                .map(|p| p.text(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            Error::Io { context, cause } => crate::msg!(
                "io-failed",
                context = context.clone(),
                cause = cause.to_string()
            )
            .text(lang),
            Error::ForeignOutput { path, marker } => crate::msg!(
                "foreign-output",
                path = path.display().to_string(),
                marker = *marker
            )
            .text(lang),
            Error::Refused(message) | Error::Unavailable(message) => message.text(lang),
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
