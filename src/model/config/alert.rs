//! Site-wide warnings (`[[alerts]]`).

use std::collections::BTreeMap;

use super::period::Period;
use crate::base::Lang;

/// A short warning shown on every page while in force ("beware of phishing in our
/// name"), for what readers must know wherever they land.
#[derive(Debug, Clone)]
pub struct Alert {
    /// The warning in the main language.
    pub text: String,
    /// Where to read more: an `https://` URL or a path inside the site.
    pub link: Option<String>,
    /// When it is shown.
    pub period: Period,
    /// Text and link in other languages.
    pub translations: BTreeMap<Lang, AlertTranslation>,
}

/// An alert's words in another language.
#[derive(Debug, Clone, Default)]
pub struct AlertTranslation {
    /// The translated warning.
    pub text: Option<String>,
    /// A link for readers of this language (the translated page, say).
    pub link: Option<String>,
}

impl Alert {
    /// The text and link in `lang`, each falling back to the main language.
    pub fn text_in(&self, lang: &Lang) -> (&str, Option<&str>) {
        let translation = self.translations.get(lang);
        (
            translation
                .and_then(|t| t.text.as_deref())
                .unwrap_or(&self.text),
            translation
                .and_then(|t| t.link.as_deref())
                .or(self.link.as_deref()),
        )
    }
}
