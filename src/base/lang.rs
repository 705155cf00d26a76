//! Languages of the site: the main one and the translations.

use std::fmt;

use super::problem::Invalid;

/// A language code such as `ja` or `en`: the suffix of translation files
/// (`NAME.en.md`), the folder of translated pages (`en/`), the `lang` attribute
/// of pages and the name of the theme's strings file (`i18n/en.toml`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(String);

impl Lang {
    /// Accepts a lowercase BCP 47 primary language subtag, optionally followed by a
    /// region (`ja`, `en`, `zh-tw`): the forms that are safe as file suffixes and URL
    /// folders.
    pub fn parse(code: &str) -> Result<Lang, Invalid> {
        let mut parts = code.split('-');
        let primary = parts.next().unwrap_or("");
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
        let rest_ok = parts.all(|p| {
            (2..=8).contains(&p.len())
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
        if primary_ok && rest_ok {
            Ok(Lang(code.to_string()))
        } else {
            Err(Invalid::new(crate::msg!("lang-not-code", code)))
        }
    }

    /// The code as written in files and URLs.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn accepts_simple_codes_and_rejects_the_rest() {
        assert!(Lang::parse("ja").is_ok());
        assert!(Lang::parse("zh-tw").is_ok());
        assert!(Lang::parse("EN").is_err());
        assert!(Lang::parse("e").is_err());
        assert!(Lang::parse("en/../x").is_err());
        assert!(Lang::parse("").is_err());
    }
}
