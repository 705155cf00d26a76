//! The words of an announcement's tables (names, notes, texts) in the page's
//! language where a translation gives them, else in the main language, marked.

use super::context::{PageContext, Text};
use crate::model::Announcement;
use crate::model::tables::{EntryWords, Words};
use crate::state::History;

/// The words of `a`'s tables in this page's language, where translated.
fn translated_words<'w>(cx: &PageContext, a: &'w Announcement) -> Option<&'w Words> {
    if cx.lang == cx.main() {
        return None;
    }
    a.translations.get(cx.lang).map(|v| &v.words)
}

/// A text of `a`'s tables in this page's language, or else the original's.
pub fn text_of(
    cx: &PageContext,
    a: &Announcement,
    pick: impl for<'w> Fn(&'w Words) -> Option<&'w String>,
) -> Option<Text> {
    let original = pick(&a.original.words)?;
    Some(match translated_words(cx, a).and_then(&pick) {
        Some(text) => Text::own(text.clone()),
        None => cx.in_main_language(original.clone()),
    })
}

/// A service's or measure's name: the newest translation of it, or the original.
pub fn name(cx: &PageContext, history: &History, table: fn(&Words) -> &[EntryWords]) -> Text {
    let announcements = &cx.site.announcements;
    let translated = history.reports().iter().rev().find_map(|r| {
        let words = translated_words(cx, &announcements[r.announcement])?;
        table(words).get(r.entry)?.name.clone()
    });
    match translated {
        Some(text) => Text::own(text),
        None => {
            let r = history.latest();
            let original = &announcements[r.announcement].original.words;
            let name = table(original).get(r.entry).and_then(|e| e.name.clone());
            cx.in_main_language(name.unwrap_or_default())
        }
    }
}
