//! Reading a translation file (`NAME.LANG.md`, `NAME/index.LANG.md`): its text, and
//! what it repeats of the original, kept to be compared when the two are joined.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use toml::Spanned;

use super::announcement::{missing, version};
use super::channels;
use super::frontmatter::FrontMatter;
use super::tables::{self, RepeatedTables};
use crate::base::{Located, Problem};
use crate::model::config::IncidentStatus;
use crate::model::{Channels, Version};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslation {
    title: Spanned<String>,
    summary: Option<String>,
    date: Option<Spanned<toml::Value>>,
    channel: Option<Spanned<toml::Value>>,
    number: Option<Spanned<u32>>,
    key_report: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    draft: Option<Spanned<bool>>,
    updated: Option<Spanned<toml::Value>>,
    corrects: Option<Spanned<String>>,
    incident_status: Option<Spanned<IncidentStatus>>,
    next_update: Option<Spanned<toml::Value>>,
    #[serde(default)]
    services: Vec<Spanned<tables::RawServiceWords>>,
    #[serde(default)]
    measures: Vec<Spanned<tables::RawMeasureWords>>,
    #[serde(default)]
    timeline: Vec<Spanned<tables::RawTimelineWords>>,
    #[serde(default)]
    revisions: Vec<Spanned<tables::RawRevisionWords>>,
    official_pdf: Option<Spanned<String>>,
}

/// A translation file, parsed; what it repeats of the original is kept to be compared.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The translated text.
    pub version: Version,
    /// Fields repeated from the original, each with its line, to be checked against it.
    pub repeated: Repeated,
    /// The line of the translation's own `updated`, if it has one.
    pub updated_line: Option<usize>,
}

/// The original's fields that a translation repeated, each with its line.
#[derive(Debug, Clone, Default)]
pub struct Repeated {
    /// `date`, read in the site's zone.
    pub date: Option<Located<DateTime<FixedOffset>>>,
    /// `channel`.
    pub channels: Option<Located<Channels>>,
    /// `number`.
    pub number: Option<Located<u32>>,
    /// `key_report`.
    pub key_report: Option<Located<String>>,
    /// `kind`, as written (the original's is checked).
    pub kind: Option<Located<String>>,
    /// `draft`.
    pub draft: Option<Located<bool>>,
    /// `corrects`.
    pub corrects: Option<Located<String>>,
    /// `incident_status`.
    pub incident_status: Option<Located<IncidentStatus>>,
    /// `next_update`.
    pub next_update: Option<Located<DateTime<FixedOffset>>>,
    /// The facts repeated in the translation's tables.
    pub tables: RepeatedTables,
}

/// Parses a translation file (`NAME.LANG.md` or `NAME/index.LANG.md`).
pub fn parse_translation(
    path: &Path,
    text: &str,
    zone: FixedOffset,
) -> Result<Translation, Vec<Problem>> {
    let mut file = FrontMatter::<RawTranslation>::read(path, text, missing())?;
    let raw_tables = tables::RawTranslatedTables {
        services: std::mem::take(&mut file.raw.services),
        measures: std::mem::take(&mut file.raw.measures),
        timeline: std::mem::take(&mut file.raw.timeline),
        revisions: std::mem::take(&mut file.raw.revisions),
    };
    let raw = &file.raw;
    let mut problems = Vec::new();
    file.check_title(&raw.title, &mut problems);
    let moment = |value: &Option<Spanned<toml::Value>>, key, problems: &mut Vec<Problem>| {
        let value = value.as_ref()?;
        let at = file.moment(value, key, zone, problems)?;
        Some(Located::new(file.line(value.span()), at))
    };
    let date = moment(&raw.date, "date", &mut problems);
    let channels = raw.channel.as_ref().and_then(|value| {
        channels::parse(value.get_ref())
            .map_err(|m| problems.push(file.problem(value.span(), m.0)))
            .ok()
            .map(|channels| Located::new(file.line(value.span()), channels))
    });
    let (words, repeated_tables) = tables::read_translation(raw_tables, zone, &file, &mut problems);
    // A translation's own `updated` is checked against the original's date when the
    // two are joined; here only that it parses.
    let updated = moment(&raw.updated, "updated", &mut problems);
    let next_update = moment(&raw.next_update, "next_update", &mut problems);
    let mut version = version(
        &file,
        raw.title.get_ref(),
        raw.summary.as_deref(),
        &mut problems,
    );
    version.updated = updated.as_ref().map(|at| at.value);
    version.words = words;
    version.official_pdf = raw.official_pdf.as_ref().map(|p| file.located(p));
    if !problems.is_empty() {
        return Err(problems);
    }
    let repeated = Repeated {
        date,
        channels,
        number: raw.number.as_ref().map(|v| file.located(v)),
        key_report: raw.key_report.as_ref().map(|v| file.located(v)),
        kind: raw.kind.as_ref().map(|v| file.located(v)),
        draft: raw.draft.as_ref().map(|v| file.located(v)),
        corrects: raw.corrects.as_ref().map(|v| file.located(v)),
        incident_status: raw.incident_status.as_ref().map(|v| file.located(v)),
        next_update,
        tables: repeated_tables,
    };
    Ok(Translation {
        version,
        repeated,
        updated_line: updated.map(|at| at.line),
    })
}
