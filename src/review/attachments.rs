//! Rules `pdf-only`: the facts in the page, not only in an attached PDF; and
//! `official-pdf`: the official PDF says what the page says.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::input::{Checked, Observation, events, quoted_list};
use crate::model::Announcement;
use crate::msg;

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
        let names: Vec<&str> = a.attachments.iter().map(|f| f.name.as_str()).collect();
        found.push(Observation {
            path: Some(a.original.source.clone()),
            line: first_link.map(|(line, _)| line),
            message: msg!(
                "review-pdf-only",
                names = quoted_list(&names),
                columns,
                least = PDF_ONLY_COLUMNS
            ),
            hint: msg!("review-pdf-only-hint"),
        });
    }
    found
}

/// `official-pdf`: an announcement whose `official_pdf` (of its original or of a
/// translation) does not carry that text's title, or its date in any of the ways a
/// filing writes one, in the text the loader read from it (`load::official_pdf`); or
/// whose text could not be read. White space is left out of both, since a PDF's text
/// breaks lines where its layout did.
pub fn official_pdf(checked: &Checked) -> Vec<Observation> {
    let site = checked.site;
    let mut found = Vec::new();
    for a in &site.announcements {
        let day = a.date.with_timezone(&site.config.timezone).date_naive();
        for version in std::iter::once(&a.original).chain(a.translations.values()) {
            let Some(name) = &version.official_pdf else {
                continue;
            };
            let Some(file) = a.attachments.iter().find(|f| f.name == name.value) else {
                continue;
            };
            let key = crate::load::official_pdf::key(&site.root, &file.source);
            let message = match checked.text(&key) {
                None => Some((
                    msg!("review-official-pdf-unreadable", name = name.value.as_str()),
                    msg!("review-official-pdf-unreadable-hint"),
                )),
                Some(text) => disagreement(&squeezed(text), &version.title, day).map(|what| {
                    let message = msg!(
                        "review-official-pdf",
                        name = name.value.as_str(),
                        what,
                        title = version.title.as_str(),
                        date = day.format("%Y-%m-%d").to_string()
                    );
                    (message, msg!("review-official-pdf-hint"))
                }),
            };
            if let Some((message, hint)) = message {
                found.push(Observation {
                    path: Some(version.source.clone()),
                    line: Some(name.line),
                    message,
                    hint,
                });
            }
        }
    }
    found
}

/// What a PDF's text (`text`, squeezed) lacks of a title and a day, if anything.
fn disagreement(text: &str, title: &str, day: chrono::NaiveDate) -> Option<crate::base::Message> {
    let title = !text.contains(&squeezed(title));
    let date = !date_forms(day).iter().any(|form| text.contains(form));
    match (title, date) {
        (false, false) => None,
        (true, true) => Some(msg!("review-official-pdf-both")),
        (true, false) => Some(msg!("review-official-pdf-title")),
        (false, true) => Some(msg!("review-official-pdf-date")),
    }
}

/// A text without white space (an ideographic space included).
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The ways a filing writes the day `day`, white space left out: `2026年10月9日`,
/// `令和8年10月9日`, `2026/10/9`, `2026/10/09`, `2026-10-09`, `2026.10.9`,
/// `October9,2026`.
fn date_forms(day: chrono::NaiveDate) -> Vec<String> {
    use chrono::Datelike;
    let (y, m, d) = (day.year(), day.month(), day.day());
    let mut forms = vec![
        format!("{y}年{m}月{d}日"),
        format!("{y}/{m}/{d}"),
        format!("{y}/{m:02}/{d:02}"),
        format!("{y}-{m:02}-{d:02}"),
        format!("{y}.{m}.{d}"),
        squeezed(&day.format("%B %-d, %Y").to_string()),
        squeezed(&day.format("%-d %B %Y").to_string()),
    ];
    // Reiwa began on 1 May 2019; its first year is written 元年.
    if y >= 2019 {
        let era = y - 2018;
        forms.push(format!("令和{era}年{m}月{d}日"));
        if era == 1 {
            forms.push(format!("令和元年{m}月{d}日"));
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filing_dates_a_day_in_the_era_too() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 9).unwrap();
        let forms = date_forms(day);
        assert!(forms.contains(&"令和8年10月9日".to_string()));
        assert!(forms.contains(&"October9,2026".to_string()));
        assert!(forms.contains(&"2026/10/09".to_string()));
    }
}
