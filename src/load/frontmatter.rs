//! Splitting a content file into its TOML front matter and its markdown body, and
//! reading the front matter with every problem at its line.
//!
//! Front matter sits between two `+++` lines at the very top of the file, the
//! convention of Zola and Hugo.

use std::ops::Range;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use toml::Spanned;

use crate::base::Message;
use crate::base::text::{is_bidi_control, line_of};
use crate::base::time::{self, When};
use crate::base::toml_message::toml_problem;
use crate::base::{Located, Problem};
use crate::msg;

/// A content file cut into its two parts.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML between the `+++` lines; `None` when the file has none.
    pub front_matter: Option<&'a str>,
    /// The line of the file on which the front matter's first line stands.
    pub front_matter_line: usize,
    /// The markdown after the closing `+++`.
    pub body: &'a str,
    /// The line of the file on which the body starts.
    pub body_line: usize,
}

const FENCE: &str = "+++";

/// Cuts `text` at its front-matter fences.
///
/// Errors carry the 1-based line they concern and say what was expected.
pub fn split(text: &str) -> Result<Split<'_>, Located<Message>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    match first.trim_end() {
        FENCE => {}
        "---" => {
            return Err(Located::new(1, msg!("load-front-matter-yaml")));
        }
        _ => {
            return Ok(Split {
                front_matter: None,
                front_matter_line: 1,
                body: text,
                body_line: 1,
            });
        }
    }
    let start = first.len();
    let mut offset = start;
    for (index, line) in lines.enumerate() {
        if line.trim_end() == FENCE {
            return Ok(Split {
                front_matter: Some(&text[start..offset]),
                front_matter_line: 2,
                body: &text[offset + line.len()..],
                // Line 1 is the opening fence, `index` lines of TOML, then this fence.
                body_line: index + 3,
            });
        }
        offset += line.len();
    }
    Err(Located::new(1, msg!("load-front-matter-unclosed")))
}

/// The problem of a file that cannot be split, at its line.
pub fn split_problem(path: &Path, error: Located<Message>) -> Vec<Problem> {
    vec![Problem::at(path, error.line, error.value)]
}

/// A content file's front matter, deserialised, with what is needed to point
/// problems at its lines and to render its body.
pub struct FrontMatter<'a, T> {
    /// The front matter as deserialised.
    pub raw: T,
    /// The file, as problems name it.
    pub path: &'a Path,
    front: &'a str,
    first_line: usize,
    /// The markdown body.
    pub body: &'a str,
    /// The line of the file on which the body starts.
    pub body_line: usize,
}

impl<'a, T: serde::de::DeserializeOwned> FrontMatter<'a, T> {
    /// Splits the file and reads its front matter, which the file must have: without
    /// it, the problem is `missing`.
    pub fn read(
        path: &'a Path,
        text: &'a str,
        missing: impl Into<Message>,
    ) -> Result<Self, Vec<Problem>> {
        let split = split(text).map_err(|e| split_problem(path, e))?;
        let Some(front) = split.front_matter else {
            return Err(vec![Problem::at(path, 1, missing)]);
        };
        let first_line = split.front_matter_line;
        let raw = toml::from_str(front)
            .map_err(|e| vec![toml_problem::<T>(path, front, first_line, &e)])?;
        Ok(FrontMatter {
            raw,
            path,
            front,
            first_line,
            body: split.body,
            body_line: split.body_line,
        })
    }
}

impl<T> FrontMatter<'_, T> {
    /// The line where a front-matter span starts.
    pub fn line(&self, span: Range<usize>) -> usize {
        self.first_line + line_of(self.front, span.start) - 1
    }

    /// The problem at the line where a front-matter span starts.
    pub fn problem(&self, span: Range<usize>, message: impl Into<Message>) -> Problem {
        Problem::at(self.path, self.line(span), message)
    }

    /// A value with its line.
    pub fn located<V: Clone>(&self, value: &Spanned<V>) -> Located<V> {
        Located::new(self.line(value.span()), value.get_ref().clone())
    }

    /// An empty `title` is a problem, and so is one holding a bidirectional control,
    /// which would show the title (in lists, tabs, feeds) reordered.
    pub fn check_title(&self, title: &Spanned<String>, problems: &mut Vec<Problem>) {
        if title.get_ref().trim().is_empty() {
            problems.push(self.problem(title.span(), msg!("load-title-empty")));
        } else if title.get_ref().contains(is_bidi_control) {
            let key = "title";
            problems.push(self.problem(title.span(), msg!("load-bidi-control", key)));
        }
    }

    /// A date-time value of `key`, or a problem.
    pub fn moment(
        &self,
        value: &Spanned<toml::Value>,
        key: &str,
        zone: FixedOffset,
        problems: &mut Vec<Problem>,
    ) -> Option<DateTime<FixedOffset>> {
        time::parse_value(value.get_ref(), zone)
            .map_err(|m| {
                problems.push(self.problem(value.span(), msg!("load-key-value", key, reason = m.0)))
            })
            .ok()
    }

    /// A date or date-time value of `key`, or a problem.
    pub fn when(
        &self,
        value: &Spanned<toml::Value>,
        key: &str,
        zone: FixedOffset,
        problems: &mut Vec<Problem>,
    ) -> Option<When> {
        time::parse_when_value(value.get_ref(), zone)
            .map_err(|m| {
                problems.push(self.problem(value.span(), msg!("load-key-value", key, reason = m.0)))
            })
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let s = split("+++\ntitle = \"a\"\n+++\nbody\n").unwrap();
        assert_eq!(s.front_matter, Some("title = \"a\"\n"));
        assert_eq!(s.body, "body\n");
        assert_eq!(s.front_matter_line, 2);
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn handles_crlf_and_bom() {
        let s = split("\u{feff}+++\r\ntitle = \"a\"\r\n+++\r\nbody").unwrap();
        assert_eq!(s.front_matter, Some("title = \"a\"\r\n"));
        assert_eq!(s.body, "body");
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let s = split("# Hello\n").unwrap();
        assert_eq!(s.front_matter, None);
        assert_eq!(s.body, "# Hello\n");
    }

    #[test]
    fn unclosed_and_yaml_front_matter_are_errors() {
        assert_eq!(split("+++\ntitle = 1\n").unwrap_err().line, 1);
        assert!(
            split("---\ntitle: a\n---\n")
                .unwrap_err()
                .value
                .to_string()
                .contains("YAML")
        );
    }
}
