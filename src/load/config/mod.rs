//! Reading `site.toml` into a validated [`Config`]: one reader per part of the file,
//! every problem at its line, all of them reported together.

mod desks;
mod incident;
mod publish;
mod raw;
mod reader;
mod review;
mod sections;

use std::path::Path;

use chrono::FixedOffset;
use toml::Spanned;

use super::layout::{SITE_TOML, read_text};
use crate::base::text::is_bidi_control;
use crate::base::time;
use crate::base::toml_message::toml_problem;
use crate::base::{Invalid, Lang, Located, Message, Problem};
use crate::model::config::{
    BaseUrl, DEFAULT_FEED_LIMIT, Incident, default_language, default_timezone,
};
use crate::model::{Config, Sources};
use crate::msg;
use reader::Reader;

/// Reads `site.toml` from the site root; every problem found is returned.
pub fn load(root: &Path) -> Result<Config, Vec<Problem>> {
    load_keeping(root, &mut Sources::default())
}

/// Reads `site.toml` as [`load`] does, keeping its text in `sources` for the review.
pub fn load_keeping(root: &Path, sources: &mut Sources) -> Result<Config, Vec<Problem>> {
    let absolute = root.join(SITE_TOML);
    let found = super::regular::look(&absolute, Path::new(SITE_TOML)).map_err(|p| vec![p])?;
    if found == super::regular::Found::Missing {
        return Err(vec![Problem::in_file(SITE_TOML, msg!("config-not-found"))]);
    }
    let text = read_text(&absolute, Path::new(SITE_TOML)).map_err(|p| vec![p])?;
    sources.insert(SITE_TOML.into(), text.as_str().into());
    parse(&text)
}

/// The site's main language as its `site.toml` says, read leniently for choosing the
/// language of the tool's messages before the site is loaded: `None` where there is
/// no readable site.toml; the default language where it names none. A site.toml the
/// TOML reader refuses (the very file whose problems are to be told) is searched for
/// its `language = "…"` line.
pub fn main_language(root: &Path) -> Option<Lang> {
    let text = super::regular::read_to_string(&root.join(SITE_TOML)).ok()?;
    main_language_of(&text)
}

/// The main language a site.toml's `text` names, read as [`main_language`] reads it.
pub fn main_language_of(text: &str) -> Option<Lang> {
    let code = match toml::from_str::<toml::Table>(text) {
        Ok(table) => match table.get("language") {
            Some(toml::Value::String(code)) => Some(code.clone()),
            Some(_) => return None,
            None => None,
        },
        Err(_) => text.lines().find_map(|line| {
            let value = line.trim().strip_prefix("language")?.trim_start();
            let value = value.strip_prefix('=')?.split('#').next()?.trim();
            Some(value.trim_matches('"').to_string())
        }),
    };
    match code {
        Some(code) => Lang::parse(&code).ok(),
        None => Some(default_language()),
    }
}

/// The site's title and organization, in every language, may not hold a
/// bidirectional control: every page's title and header would show them reordered.
fn bidi_in_titles(raw: &raw::RawConfig, r: &mut Reader) {
    for (key, value) in [("title", &raw.title), ("organization", &raw.organization)] {
        if value.get_ref().contains(is_bidi_control) {
            r.problem(value.span(), msg!("load-bidi-control", key));
        }
    }
    for (code, text) in &raw.translations {
        let words = text.get_ref();
        for (key, value) in [
            ("title", &words.title),
            ("organization", &words.organization),
        ] {
            if value
                .as_deref()
                .is_some_and(|v| v.contains(is_bidi_control))
            {
                let key = format!("translations.{code}.{key}");
                r.problem(text.span(), msg!("load-bidi-control", key));
            }
        }
    }
}

/// Validates the text of a `site.toml`.
pub fn parse(text: &str) -> Result<Config, Vec<Problem>> {
    let path = Path::new(SITE_TOML);
    let raw: raw::RawConfig = toml::from_str(text)
        .map_err(|e| vec![toml_problem::<raw::RawConfig>(path, text, 1, &e)])?;
    let mut r = Reader {
        text,
        problems: Vec::new(),
    };
    let language = language(raw.language.as_ref(), &mut r);
    let timezone = timezone(raw.timezone.as_ref(), &mut r);
    let base_url = base_url(&raw, &mut r);
    let started = raw.incident.started.as_ref().and_then(|value| {
        time::parse_value(value.get_ref(), timezone)
            .map_err(|m| r.problem(value.span(), invalid("incident.started", m)))
            .ok()
    });
    bidi_in_titles(&raw, &mut r);
    let translations = sections::by_language(raw.translations, &language, &mut r);
    let key_reports = sections::key_reports(raw.key_reports, &language, &mut r);
    let contacts = desks::contacts(raw.contacts, &language, timezone, &mut r);
    let alerts = desks::alerts(raw.alerts, &language, timezone, &mut r);
    let redirects = sections::redirects(&raw.redirects, &mut r);
    let check = review::check(raw.check.as_ref(), &mut r);
    let personal_data = incident::personal_data(&raw.incident, timezone, &mut r);
    let ir = raw
        .ir
        .map(|ir| review::ir(ir, &language, &mut r))
        .unwrap_or_default();
    let pdf = raw
        .pdf
        .map(|pdf| review::pdf(pdf, &mut r))
        .unwrap_or_default();
    let publish = publish::targets(raw.publish, &mut r);
    let notify = publish::notify(raw.notify, &publish, &mut r);
    let home_pages = raw
        .home_pages
        .iter()
        .map(|name| Located::new(r.line(name.span()), name.get_ref().clone()))
        .collect();
    let theme = raw.theme.map(|name| r.located(name));
    let mut problems = r.problems;
    if !problems.is_empty() {
        problems.sort();
        return Err(problems);
    }
    Ok(Config {
        title: raw.title.into_inner(),
        organization: raw.organization.into_inner(),
        language,
        timezone,
        timezone_name: raw
            .timezone_name
            .unwrap_or_else(|| format!("UTC{timezone}")),
        base_url,
        standby: raw.standby,
        theme,
        home_latest: raw.home_latest.map_or(5, Spanned::into_inner),
        feed_limit: raw
            .feed_limit
            .map_or(DEFAULT_FEED_LIMIT, Spanned::into_inner),
        home_pages,
        incident: Incident {
            status: raw.incident.status,
            started,
            personal_data,
        },
        key_reports,
        contacts,
        alerts,
        translations,
        redirects,
        check,
        ir,
        pdf,
        publish,
        notify,
    })
}

/// `base_url`, checked, and the counts that must be 1 or more.
fn base_url(raw: &raw::RawConfig, r: &mut Reader) -> Option<BaseUrl> {
    positive(raw.home_latest.as_ref(), msg!("config-home-latest-zero"), r);
    positive(raw.feed_limit.as_ref(), msg!("config-feed-limit-zero"), r);
    raw.base_url.as_ref().and_then(|url| {
        BaseUrl::parse(url.get_ref())
            .map_err(|m| r.problem(url.span(), msg!("config-base-url", invalid = m.0)))
            .ok()
    })
}

/// `language`: the main language, Japanese unless site.toml says otherwise.
fn language(value: Option<&Spanned<String>>, r: &mut Reader) -> Lang {
    match value {
        None => default_language(),
        Some(value) => Lang::parse(value.get_ref()).unwrap_or_else(|m| {
            r.problem(value.span(), invalid("language", m));
            default_language()
        }),
    }
}

/// `timezone`: the zone times without an offset are read in, +09:00 unless site.toml
/// says otherwise.
fn timezone(value: Option<&Spanned<String>>, r: &mut Reader) -> FixedOffset {
    match value {
        None => default_timezone(),
        Some(value) => time::parse_offset(value.get_ref()).unwrap_or_else(|m| {
            r.problem(value.span(), invalid("timezone", m));
            FixedOffset::east_opt(0).expect("UTC is a valid offset")
        }),
    }
}

/// The problem of a value of `key` that cannot be read, and why.
fn invalid(key: &str, why: Invalid) -> Message {
    msg!("config-key-invalid", key, invalid = why.0)
}

/// A count that must be 1 or more; `zero` is the problem of a 0.
fn positive(value: Option<&Spanned<usize>>, zero: Message, r: &mut Reader) {
    if let Some(value) = value
        && *value.get_ref() == 0
    {
        r.problem(value.span(), zero);
    }
}

#[cfg(test)]
mod tests;
