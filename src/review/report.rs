//! The findings of one review, as `check` prints them.

use std::path::PathBuf;

use super::links::ExternalLink;
use crate::base::{Message, MessageLang};
use crate::model::{Level, Rule};

/// One finding of the review.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    pub message: Message,
    /// How to fix it.
    pub hint: Message,
}

impl Finding {
    /// The finding as `check` prints it in `lang`: level and rule, the place, what
    /// is wrong, and on a line of its own how to fix it.
    pub fn text(&self, lang: MessageLang) -> String {
        let place = match (&self.path, self.line) {
            (Some(path), Some(line)) => format!("{}:{line}: ", path.display()),
            (Some(path), None) => format!("{}: ", path.display()),
            _ => String::new(),
        };
        let hint = crate::msg!("finding-hint", hint = self.hint.clone());
        format!(
            "{}[{}]: {place}{}\n  {}",
            self.level.id(),
            self.rule.id(),
            self.message.text(lang),
            hint.text(lang)
        )
    }
}

/// In English; [`Finding::text`] says it in another language.
impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(MessageLang::En))
    }
}

/// The findings of one review, most serious first.
#[derive(Debug, Clone, Default)]
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
