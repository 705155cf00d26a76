//! What a markdown body may not hold, where it stands in the body.

use std::path::Path;

use crate::base::text::line_of;
use crate::base::{Message, Problem};

/// Raw HTML or a link that would run code or embed another page, or a heading id that
/// the theme or another heading already uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Where in the markdown it starts (a byte offset).
    pub offset: usize,
    /// What it is and what is expected instead.
    pub message: Message,
}

impl Refused {
    /// The problem of file `path`, whose markdown `body` starts at line `body_line`.
    pub fn problem(&self, path: &Path, body: &str, body_line: usize) -> Problem {
        let line = body_line + line_of(body, self.offset) - 1;
        Problem::at(path, line, self.message.clone())
    }
}
