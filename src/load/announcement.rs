//! Reading an original announcement file (`NAME.md`, `NAME/index.md`): its text in
//! the main language and the facts that place it on the site.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use toml::Spanned;

use super::frontmatter::FrontMatter;
use super::{channels, tables};
use crate::base::time::front_matter_value;
use crate::base::{Message, Problem};
use crate::markdown;
use crate::model::config::{IncidentStatus, KeyReportId};
use crate::model::tables::{Tables, Words};
use crate::model::{Announcement, Attachment, Kind, Slug, Version};
use crate::msg;

/// The problem of an announcement file without front matter.
pub(super) fn missing() -> Message {
    msg!("load-missing-front-matter")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOriginal {
    title: Spanned<String>,
    date: Spanned<toml::Value>,
    channel: Spanned<toml::Value>,
    number: Option<Spanned<u32>>,
    summary: Option<String>,
    key_report: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    #[serde(default)]
    draft: bool,
    updated: Option<Spanned<toml::Value>>,
    corrects: Option<Spanned<String>>,
    incident_status: Option<IncidentStatus>,
    next_update: Option<Spanned<toml::Value>>,
    #[serde(default)]
    services: Vec<Spanned<tables::RawService>>,
    #[serde(default)]
    measures: Vec<Spanned<tables::RawMeasure>>,
    #[serde(default)]
    timeline: Vec<Spanned<tables::RawTimeline>>,
    #[serde(default)]
    revisions: Vec<Spanned<tables::RawRevision>>,
    official_pdf: Option<Spanned<String>>,
}

/// An original announcement file, parsed but not yet joined to its translations.
#[derive(Debug, Clone)]
pub struct Original {
    /// Everything but the translations, which the content loader adds.
    pub announcement: Announcement,
    /// The line of `key_report` in the file, for problems found across files.
    pub key_report_line: Option<usize>,
    /// The line of `corrects`, likewise.
    pub corrects_line: Option<usize>,
}

/// Parses an original announcement file (`NAME.md` or `NAME/index.md`).
pub fn parse_original(
    path: &Path,
    text: &str,
    slug: Slug,
    zone: FixedOffset,
    attachments: Vec<Attachment>,
) -> Result<Original, Vec<Problem>> {
    let mut file = FrontMatter::<RawOriginal>::read(path, text, missing())?;
    let raw_tables = tables::RawTables {
        services: std::mem::take(&mut file.raw.services),
        measures: std::mem::take(&mut file.raw.measures),
        timeline: std::mem::take(&mut file.raw.timeline),
        revisions: std::mem::take(&mut file.raw.revisions),
    };
    let raw = &file.raw;
    let mut problems = Vec::new();
    file.check_title(&raw.title, &mut problems);
    let date = file.moment(&raw.date, "date", zone, &mut problems);
    let channels = channels::parse(raw.channel.get_ref())
        .map_err(|m| problems.push(file.problem(raw.channel.span(), m.0)))
        .ok();
    let (tables, words) = tables::read_original(raw_tables, date, zone, &file, &mut problems);
    let updated = updated(
        &file,
        raw.updated.as_ref(),
        date,
        &tables,
        zone,
        &mut problems,
    );
    let next_update = next_update(&file, date, zone, &mut problems);
    let (corrects, key_report, kind) = names(&file, &mut problems);
    let mut original = version(
        &file,
        raw.title.get_ref(),
        raw.summary.as_deref(),
        &mut problems,
    );
    original.updated = updated;
    original.words = words;
    original.official_pdf = raw.official_pdf.as_ref().map(|p| file.located(p));
    let (Some(date), Some(channels), true) = (date, channels, problems.is_empty()) else {
        return Err(problems);
    };
    Ok(Original {
        key_report_line: raw.key_report.as_ref().map(|k| file.line(k.span())),
        corrects_line: raw.corrects.as_ref().map(|c| file.line(c.span())),
        announcement: Announcement {
            slug,
            date,
            channels,
            number: raw.number.as_ref().map(|n| *n.get_ref()),
            key_report,
            kind,
            draft: raw.draft,
            attachments,
            updated,
            corrects,
            incident_status: raw.incident_status,
            next_update,
            tables,
            original,
            translations: BTreeMap::new(),
        },
    })
}

/// What an original names: the announcement it corrects, the key report it fills,
/// its kind; and its `number`, which may not be 0.
fn names(
    file: &FrontMatter<RawOriginal>,
    problems: &mut Vec<Problem>,
) -> (Option<Slug>, Option<KeyReportId>, Option<Kind>) {
    let raw = &file.raw;
    let corrects = raw.corrects.as_ref().and_then(|c| {
        Slug::parse(c.get_ref())
            .map_err(|m| {
                let invalid = msg!("load-key-invalid", key = "corrects", invalid = m.0);
                problems.push(file.problem(c.span(), invalid));
            })
            .ok()
    });
    if let Some(number) = &raw.number
        && *number.get_ref() == 0
    {
        problems.push(file.problem(number.span(), msg!("load-number-zero")));
    }
    let key_report = raw.key_report.as_ref().and_then(|k| {
        KeyReportId::parse(k.get_ref())
            .map_err(|m| problems.push(file.problem(k.span(), m.0)))
            .ok()
    });
    let kind = raw.kind.as_ref().and_then(|k| {
        Kind::parse(k.get_ref())
            .map_err(|m| problems.push(file.problem(k.span(), m.0)))
            .ok()
    });
    (corrects, key_report, kind)
}

/// An original's `next_update`, which may not be before its `date`.
fn next_update(
    file: &FrontMatter<RawOriginal>,
    date: Option<DateTime<FixedOffset>>,
    zone: FixedOffset,
    problems: &mut Vec<Problem>,
) -> Option<DateTime<FixedOffset>> {
    let value = file.raw.next_update.as_ref()?;
    let at = file.moment(value, "next_update", zone, problems)?;
    if let Some(date) = date
        && at < date
    {
        problems.push(file.problem(
            value.span(),
            msg!(
                "load-next-update-before-date",
                next = front_matter_value(&at),
                date = front_matter_value(&date)
            ),
        ));
    }
    Some(at)
}

/// The original's `updated`: given, or its newest revision; never before the
/// announcement's date nor before a revision it should include.
fn updated<T>(
    file: &FrontMatter<T>,
    value: Option<&Spanned<toml::Value>>,
    date: Option<DateTime<FixedOffset>>,
    tables: &Tables,
    zone: FixedOffset,
    problems: &mut Vec<Problem>,
) -> Option<DateTime<FixedOffset>> {
    let newest_revision = tables.revisions.iter().map(|r| r.at).max();
    let Some(value) = value else {
        return newest_revision;
    };
    let updated = file.moment(value, "updated", zone, problems)?;
    if let Some(date) = date
        && updated < date
    {
        problems.push(file.problem(
            value.span(),
            msg!(
                "load-updated-before-date",
                updated = front_matter_value(&updated),
                date = front_matter_value(&date)
            ),
        ));
    }
    if let Some(newest) = newest_revision
        && updated < newest
    {
        problems.push(file.problem(
            value.span(),
            msg!(
                "load-updated-before-revision",
                updated = front_matter_value(&updated),
                revision = front_matter_value(&newest)
            ),
        ));
    }
    Some(updated)
}

/// The text of the file: the summary falls back to the body's first paragraph.
/// Active content in the body is added to `problems`.
pub(super) fn version<T>(
    file: &FrontMatter<T>,
    title: &str,
    summary: Option<&str>,
    problems: &mut Vec<Problem>,
) -> Version {
    let rendered = markdown::render(file.body);
    problems.extend(
        rendered
            .refused
            .iter()
            .map(|r| r.problem(file.path, file.body, file.body_line)),
    );
    Version {
        source: file.path.to_path_buf(),
        title: title.to_string(),
        summary: summary.map_or(rendered.first_paragraph, str::to_string),
        body_html: rendered.html.into(),
        updated: None,
        words: Words::default(),
        official_pdf: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channels;

    fn jst() -> FixedOffset {
        FixedOffset::east_opt(9 * 3600).unwrap()
    }

    fn original(text: &str) -> Result<Original, Vec<Problem>> {
        parse_original(
            Path::new("a.md"),
            text,
            Slug::parse("a").unwrap(),
            jst(),
            vec![],
        )
    }

    #[test]
    fn parses_an_original() {
        let o = original(
            "+++\ntitle = \"障害のお知らせ\"\ndate = 2023-06-06T17:00:00\nchannel = [\"ir\", \"pr\"]\nnumber = 2\n+++\n本文です。\n",
        )
        .unwrap();
        let a = o.announcement;
        assert_eq!(a.date.to_rfc3339(), "2023-06-06T17:00:00+09:00");
        assert_eq!(a.channels, Channels::Both);
        assert_eq!(a.number, Some(2));
        assert_eq!(a.original.summary, "本文です。");
    }

    #[test]
    fn unknown_channel_names_the_line() {
        let problems = original(
            "+++\ntitle = \"t\"\ndate = 2023-06-06T17:00:00+09:00\nchannel = \"news\"\n+++\n",
        )
        .unwrap_err();
        assert_eq!(problems[0].line, Some(4));
        assert_eq!(
            problems[0].message.to_string(),
            "unknown channel `news`; expected \"ir\", \"pr\" or [\"ir\", \"pr\"]"
        );
    }
}
