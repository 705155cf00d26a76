//! Raw HTML must close: the elements the raw HTML of a body opens, followed across its
//! pieces (an HTML block may open `<details>` and a later one close it, with markdown
//! between), so that one left open, which would take over the rest of the page (a
//! lone `<select>` puts the footer in a dropdown, an unclosed `<s>` strikes through the
//! contact desks), or an end tag of one not open is refused where it is written.

use crate::base::Message;
use crate::msg;

/// Where a tag stands: which piece of raw HTML, and its line there. Turned into a
/// place in the markdown only for the tags refused, since finding a line's offset
/// reads the text up to it.
pub(super) type At = (usize, u64);

/// A start or end tag of the body's raw HTML, as html5ever's tokenizer read it (name
/// lowercase).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TagSeen {
    pub start: bool,
    pub name: String,
    pub at: At,
}

/// Elements that have no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag HTML lets the writer leave out: a browser closes them at the
/// next of their kind or at their parent's end, so they take nothing over.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "rb", "rp", "rt", "rtc", "td", "th", "tr",
    "thead", "tbody", "tfoot", "colgroup", "caption",
];

/// The elements open so far, innermost last, with where each was opened, and what was
/// refused.
#[derive(Default)]
pub(super) struct Nesting {
    open: Vec<(String, At)>,
    refused: Vec<(At, Message)>,
}

impl Nesting {
    /// Follows one tag, refusing an end tag of an element that is not open or that
    /// would close another still open inside it.
    pub(super) fn see(&mut self, tag: TagSeen) {
        if VOID.contains(&tag.name.as_str()) {
            return;
        }
        if tag.start {
            self.open.push((tag.name, tag.at));
            return;
        }
        let Some(at) = self.open.iter().rposition(|(name, _)| *name == tag.name) else {
            let message = msg!("markdown-end-tag-not-open", element = &*tag.name);
            self.refused.push((tag.at, message));
            return;
        };
        let inner = self.open[at + 1..]
            .iter()
            .rev()
            .find(|(name, _)| !OPTIONAL_END.contains(&name.as_str()));
        if let Some((inner, _)) = inner {
            let message = msg!(
                "markdown-end-tag-inner-open",
                element = &*tag.name,
                inner = &**inner
            );
            self.refused.push((tag.at, message));
        }
        // Closed, with what it held: one problem each, not one for every tag after.
        self.open.truncate(at);
    }

    /// What was refused, and every element still open at the end of the body, where
    /// it was opened.
    pub(super) fn finish(mut self) -> Vec<(At, Message)> {
        for (name, at) in self.open {
            if !OPTIONAL_END.contains(&name.as_str()) {
                let message = msg!("markdown-element-left-open", element = &*name);
                self.refused.push((at, message));
            }
        }
        self.refused
    }
}

#[cfg(test)]
#[path = "nesting_tests.rs"]
mod tests;
