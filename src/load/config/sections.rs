//! Readers of the parts of site.toml that name things: translations by language, the
//! key-report blocks and the redirects.

use std::collections::BTreeMap;

use toml::Spanned;

use super::raw::RawKeyReport;
use super::reader::Reader;
use crate::base::{Lang, Located, Problem};
use crate::load::layout::SITE_TOML;
use crate::model::config::{BlockText, KeyReport, KeyReportId};
use crate::model::redirect::{self, Redirect};
use crate::msg;

/// The `translations.LANG` tables of one entry, by language; a table for the main
/// language is refused, since it would silently override the original words.
pub(super) fn by_language<T>(
    raw: BTreeMap<String, Spanned<T>>,
    main: &Lang,
    r: &mut Reader,
) -> BTreeMap<Lang, T> {
    let mut out = BTreeMap::new();
    for (code, text) in raw {
        match Lang::parse(&code) {
            Ok(lang) if &lang == main => {
                r.problem(text.span(), msg!("config-translation-main", code = &code))
            }
            Ok(lang) => {
                out.insert(lang, text.into_inner());
            }
            Err(m) => r.problem(
                text.span(),
                super::invalid(&format!("translations.{code}"), m),
            ),
        }
    }
    out
}

/// `[[key_reports]]`: each id valid and declared once, in the order declared.
pub(super) fn key_reports(raw: Vec<RawKeyReport>, main: &Lang, r: &mut Reader) -> Vec<KeyReport> {
    let mut key_reports: Vec<KeyReport> = Vec::new();
    for raw_block in raw {
        let id = match KeyReportId::parse(raw_block.id.get_ref()) {
            Ok(id) => id,
            Err(m) => {
                r.problem(raw_block.id.span(), m.0);
                continue;
            }
        };
        if key_reports.iter().any(|k| k.id == id) {
            let id = id.as_str();
            r.problem(raw_block.id.span(), msg!("config-key-report-twice", id));
            continue;
        }
        let translations = by_language(raw_block.translations, main, r);
        key_reports.push(KeyReport {
            id,
            text: BlockText {
                title: raw_block.title,
                description: raw_block.description,
            },
            translations,
        });
    }
    key_reports
}

/// `[redirects]`, in the order of their lines: each entry's paths, and no old path
/// written twice.
pub(super) fn redirects(raw: &BTreeMap<String, Spanned<String>>, r: &mut Reader) -> Vec<Redirect> {
    let mut redirects = Vec::new();
    for (from, to) in raw {
        let line = r.line(to.span());
        match Redirect::parse(from, to.get_ref(), line) {
            Ok(redirect) => redirects.push(redirect),
            Err(messages) => {
                for message in messages {
                    r.problem(to.span(), message.0);
                }
            }
        }
    }
    redirects.sort_by_key(|r| r.line);
    for Located { line, value } in redirect::duplicates(&redirects) {
        r.problems.push(Problem::at(SITE_TOML, line, value));
    }
    redirects
}
