//! The contact desks (`[[contacts]]`): whom readers call or write to.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::period::Period;
use crate::base::Lang;

/// A contact desk: whom readers call or write to.
#[derive(Debug, Clone)]
pub struct ContactDesk {
    /// The desk's name, phone, e-mail and hours in the main language.
    pub text: ContactText,
    /// Name and hours in other languages; phone and e-mail do not change.
    pub translations: BTreeMap<Lang, ContactTranslation>,
    /// When the desk answers: a closed desk stays on the site, marked closed, so
    /// readers understand why the number no longer answers.
    pub period: Period,
    /// The line of `phone` in site.toml, for findings to point at.
    pub phone_line: Option<usize>,
}

/// A contact desk's details in one language.
#[derive(Debug, Clone, Default)]
pub struct ContactText {
    /// The desk's name.
    pub name: String,
    /// Its phone number, as readers should dial it.
    pub phone: Option<String>,
    /// Its e-mail address.
    pub email: Option<String>,
    /// When it answers.
    pub hours: Option<String>,
}

/// A contact desk's name and hours in another language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactTranslation {
    /// The translated name.
    #[serde(default)]
    pub name: Option<String>,
    /// The translated hours.
    #[serde(default)]
    pub hours: Option<String>,
}

impl ContactDesk {
    /// The desk's details in `lang`: translated name and hours over the original.
    pub fn text_in(&self, lang: &Lang) -> ContactText {
        let mut text = self.text.clone();
        if let Some(t) = self.translations.get(lang) {
            if let Some(name) = &t.name {
                text.name = name.clone();
            }
            if t.hours.is_some() {
                text.hours = t.hours.clone();
            }
        }
        text
    }
}
