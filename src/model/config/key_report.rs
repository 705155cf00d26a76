//! The key-report menu (`[[key_reports]]`): blocks of the home page leading straight
//! to the reports readers want most.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::base::{Invalid, Lang};

/// The id of a key-report block, named by announcements that fill it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KeyReportId(String);

impl KeyReportId {
    /// Accepts lowercase ASCII letters, digits and hyphens, so ids are safe as anchors.
    pub fn parse(id: &str) -> Result<KeyReportId, Invalid> {
        let ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Ok(KeyReportId(id.to_string()))
        } else {
            Err(Invalid::new(format!(
                "key report id `{id}` is not valid; expected lowercase letters, digits and hyphens"
            )))
        }
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KeyReportId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One block of the key-report menu (investigation report, committee findings, ...).
#[derive(Debug, Clone)]
pub struct KeyReport {
    /// What announcements name in `key_report` to fill this block.
    pub id: KeyReportId,
    /// The block's title and description in the main language.
    pub text: BlockText,
    /// The same in other languages; what a translation leaves out stays as in the
    /// main language.
    pub translations: BTreeMap<Lang, BlockTranslation>,
}

/// The words of a key-report block in one language.
#[derive(Debug, Clone)]
pub struct BlockText {
    /// The block's title.
    pub title: String,
    /// One line saying what the report holds.
    pub description: String,
}

/// A key-report block's title and description in another language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockTranslation {
    /// The translated title.
    #[serde(default)]
    pub title: Option<String>,
    /// The translated description.
    #[serde(default)]
    pub description: Option<String>,
}

impl KeyReport {
    /// The block's words in `lang`, each falling back to the main language.
    pub fn text_in(&self, lang: &Lang) -> BlockText {
        let translation = self.translations.get(lang);
        BlockText {
            title: translation
                .and_then(|t| t.title.clone())
                .unwrap_or_else(|| self.text.title.clone()),
            description: translation
                .and_then(|t| t.description.clone())
                .unwrap_or_else(|| self.text.description.clone()),
        }
    }
}
