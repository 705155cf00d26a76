//! What the rules look at, and what a rule finds before its level is applied.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use pulldown_cmark::{Event, Parser};

use super::built::Built;
use crate::base::message::Arg;
use crate::base::{Lang, Message};
use crate::load::frontmatter;
use crate::markdown;
use crate::model::{Site, Sources};
use crate::render::Plan;
use crate::state::State;
use crate::theme::Strings;

/// What a rule looks at: the published site, its derived state and plan, the texts
/// it was loaded from, the theme's strings, and the output as the build makes it.
/// Nothing is read from disk.
pub struct Checked<'a> {
    /// The site as published at the check's moment.
    pub site: &'a Site,
    /// Its plan, with the incident's state.
    pub plan: &'a Plan,
    /// The texts of the content files, by path.
    pub sources: &'a Sources,
    /// The theme's strings of each language of the site.
    pub strings: &'a BTreeMap<Lang, Strings>,
    /// What the review keeps of every output file.
    pub built: &'a Built,
}

impl Checked<'_> {
    /// The incident's state.
    pub fn state(&self) -> &State {
        &self.plan.state
    }

    /// The text of the content file at `path`.
    pub fn text(&self, path: &Path) -> Option<&str> {
        self.sources.text(path)
    }

    /// The line of `key = …` in the front matter of the content file at `path`.
    pub fn line_of_key(&self, path: &Path, key: &str) -> Option<usize> {
        front_matter_line(self.text(path)?, key)
    }

    /// A date-time as findings show it: in the site's zone, to the minute.
    pub fn shown(&self, at: &DateTime<FixedOffset>) -> String {
        at.with_timezone(&self.site.config.timezone)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }
}

/// What a rule found, before its level is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    /// The file it is about, relative to the site's root, where there is one.
    pub path: Option<PathBuf>,
    /// The line in that file, where there is one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: Message,
    /// How to fix it, in one sentence.
    pub hint: Message,
}

/// Items listed with the language's commas: `a, b` (en), `a、b` (ja).
pub fn listed(items: impl DoubleEndedIterator<Item = Arg>) -> Arg {
    let mut items = items.rev();
    let last = items.next().unwrap_or_else(|| Arg::from(""));
    items.fold(last, |rest, first| {
        crate::msg!("review-list", first, rest).into()
    })
}

/// What the writer typed, each quoted in the language's way (`` `x` ``, 「x」), and
/// listed: `` `a`, `b` ``.
pub fn quoted_list<S: AsRef<str>>(items: &[S]) -> Arg {
    listed(
        items
            .iter()
            .map(|item| crate::msg!("review-quoted", text = item.as_ref()).into()),
    )
}

/// The line of `key = …` in the front matter of a content file's `text`, for pointing
/// a finding at the fact it is about.
pub fn front_matter_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, line)| line.trim() != "+++")
        .find(|(_, line)| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|(i, _)| i + 1)
}

/// The markdown body of a content file's `text`, and the line it starts on. The
/// build has read the file already, so its front matter is sound.
fn body(text: &str) -> (&str, usize) {
    match frontmatter::split(text) {
        Ok(split) => (split.body, split.body_line),
        Err(_) => ("", 1),
    }
}

/// The markdown events of a content file's body, each with the line it starts on.
/// The line of an event is looked up among the offsets where lines start, not counted
/// from the top for each: a body of many events would cost its length times theirs.
pub fn events(text: &str) -> Vec<(Event<'_>, usize)> {
    let (body, body_line) = body(text);
    let starts: Vec<usize> = body.match_indices('\n').map(|(at, _)| at + 1).collect();
    Parser::new_ext(body, markdown::options())
        .into_offset_iter()
        .map(|(event, range)| {
            let line = body_line + starts.partition_point(|&start| start <= range.start);
            (event, line)
        })
        .collect()
}
