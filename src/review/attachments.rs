//! Rule `pdf-only`: the facts in the page, not only in an attached PDF.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::input::{Checked, Observation, events};
use crate::model::Announcement;

/// How much text, besides links to attachments, a body with attachments needs: in
/// display columns, where a Japanese character takes two and a Latin letter one, so
/// the same limit means about 100 Japanese characters or 40 English words.
pub const PDF_ONLY_COLUMNS: usize = 200;

/// Whether the link `dest` of a body points to one of `a`'s attachments.
fn to_attachment(a: &Announcement, dest: &str) -> bool {
    let dest = dest.split(['#', '?']).next().unwrap_or_default();
    let dest = dest.strip_prefix("./").unwrap_or(dest);
    let decoded = percent_encoding::percent_decode_str(dest).decode_utf8_lossy();
    a.attachments.iter().any(|f| f.name == decoded)
}

/// `pdf-only`: an announcement with attachments whose original says little besides
/// the links to them (fewer than [`PDF_ONLY_COLUMNS`] columns of other text). Its
/// tables of services, measures or timeline state facts on the page, so an
/// announcement with any is not PDF-only. Translations translate the original, so
/// only the original is measured.
pub fn pdf_only(checked: &Checked) -> Vec<Observation> {
    let site = checked.site;
    let mut found = Vec::new();
    for a in &site.announcements {
        let tables = &a.tables;
        if a.attachments.is_empty()
            || !tables.services.is_empty()
            || !tables.measures.is_empty()
            || !tables.timeline.is_empty()
        {
            continue;
        }
        let Some(text) = checked.text(&a.original.source) else {
            continue;
        };
        let mut said = String::new();
        let mut in_attachment_link = 0usize;
        let mut first_link: Option<(usize, String)> = None;
        for (event, line) in events(text) {
            match event {
                Event::Start(Tag::Link { dest_url, .. }) if to_attachment(a, &dest_url) => {
                    in_attachment_link += 1;
                    first_link.get_or_insert((line, dest_url.to_string()));
                }
                Event::Start(Tag::Link { .. }) if in_attachment_link > 0 => {
                    in_attachment_link += 1;
                }
                Event::End(TagEnd::Link) if in_attachment_link > 0 => in_attachment_link -= 1,
                Event::Text(t) | Event::Code(t) if in_attachment_link == 0 => said.push_str(&t),
                // Line breaks and block ends separate words; collapsed below.
                Event::SoftBreak | Event::HardBreak | Event::End(_) => said.push(' '),
                _ => {}
            }
        }
        let collapsed = said.split_whitespace().collect::<Vec<_>>().join(" ");
        let columns = unicode_width::UnicodeWidthStr::width(collapsed.as_str());
        if columns >= PDF_ONLY_COLUMNS {
            continue;
        }
        let names: Vec<String> = a
            .attachments
            .iter()
            .map(|f| format!("`{}`", f.name))
            .collect();
        found.push(Observation {
            path: Some(a.original.source.clone()),
            line: first_link.map(|(line, _)| line),
            message: format!(
                "the text says little besides its attachments ({}): {columns} columns of text, \
                 fewer than {PDF_ONLY_COLUMNS}",
                names.join(", ")
            )
            .into(),
            hint: "state the key facts in the page itself (what happened, who is affected, what \
                   to do); phones and screen readers handle PDFs badly"
                .into(),
        });
    }
    found
}
