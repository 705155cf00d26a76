//! The findings of one review, as `check` prints them.

use std::path::PathBuf;

use serde::Serialize;

use super::links::ExternalLink;
use crate::model::{Level, Rule};

/// One finding of the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule that found it.
    pub rule: Rule,
    /// How much it matters, after site.toml's `[check.levels]`.
    pub level: Level,
    /// The file it is about, relative to the site's root.
    pub path: Option<PathBuf>,
    /// The line in that file.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]: ", self.level.id(), self.rule.id())?;
        match (&self.path, self.line) {
            (Some(path), Some(line)) => write!(f, "{}:{line}: ", path.display())?,
            (Some(path), None) => write!(f, "{}: ", path.display())?,
            _ => {}
        }
        write!(f, "{}\n  hint: {}", self.message, self.hint)
    }
}

/// The findings of one review, most serious first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Every finding, by level, then file and line, then rule.
    pub findings: Vec<Finding>,
    /// The addresses outside the site the output links to, never fetched: listed
    /// by `check --external` for a person to open.
    pub external: Vec<ExternalLink>,
}

impl Report {
    /// How many findings have `level`.
    pub fn count(&self, level: Level) -> usize {
        self.findings.iter().filter(|f| f.level == level).count()
    }

    /// Whether the review fails: an error, or with `strict` a warning.
    pub fn fails(&self, strict: bool) -> bool {
        self.count(Level::Error) > 0 || (strict && self.count(Level::Warning) > 0)
    }
}
