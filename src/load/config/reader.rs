//! The text of site.toml being read, with the problems found in it so far, each at
//! the line of the span it concerns.

use std::ops::Range;

use toml::Spanned;

use crate::base::Message;
use crate::base::text::line_of;
use crate::base::{Located, Problem};
use crate::load::layout::SITE_TOML;

/// The text of site.toml being read, and the problems found in it so far.
pub(super) struct Reader<'a> {
    /// The text of the file.
    pub(super) text: &'a str,
    /// The problems found so far.
    pub(super) problems: Vec<Problem>,
}

impl Reader<'_> {
    /// The line a span of the file starts on.
    pub(super) fn line(&self, span: Range<usize>) -> usize {
        line_of(self.text, span.start)
    }

    /// A value with the line it is written on.
    pub(super) fn located<T>(&self, value: Spanned<T>) -> Located<T> {
        let line = self.line(value.span());
        Located::new(line, value.into_inner())
    }

    /// A problem at the line a span of the file starts on.
    pub(super) fn problem(&mut self, span: Range<usize>, message: impl Into<Message>) {
        let line = self.line(span);
        self.problems.push(Problem::at(SITE_TOML, line, message));
    }
}
