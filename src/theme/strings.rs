//! The UI strings of one language (`i18n/LANG.toml`): every word a reader sees that
//! is not content, so a theme can be translated or reworded without touching code.
//! The code asks for them by [`Key`] only, and strings that lack a key the code can
//! ask for are refused when the theme loads, naming the key and the file.
//!
//! A language's strings are merged key by key from every layer of the theme that has
//! its file (`super::layers`): the built-in theme's, then `themes/NAME/i18n/`, then
//! the site's `i18n/`. A site that rewords one string writes that one key.

use std::collections::BTreeMap;
use std::path::Path;

use super::builtin;
use super::key::Key;
use super::layers::{ThemeFile, read_problem};
use crate::base::time::Pattern;
use crate::base::toml_message::toml_problem;
use crate::base::{Lang, Problem};
use crate::load::layout::I18N;
use crate::msg;

/// The UI strings of one language.
#[derive(Debug, Clone)]
pub struct Strings {
    /// Every string of the language, by key.
    map: BTreeMap<String, String>,
    /// The same strings as templates see them (`t`), converted once: every page of
    /// the language shares this value rather than converting the map again.
    pub value: tera::Value,
    /// How date-times are shown, checked once.
    pub datetime: Pattern,
    /// How days without a time are shown, checked once.
    pub date: Pattern,
}

impl Strings {
    /// Every string of the language, by key: what a PDF layout sees as `t`.
    pub fn all(&self) -> &BTreeMap<String, String> {
        &self.map
    }

    /// The string for `key`, which the theme is known to have.
    pub fn get(&self, key: Key) -> &str {
        self.map
            .get(key.as_str())
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// The string for `key` with each placeholder of `values` (`"{n}"`) replaced, in
    /// one pass over the string: a value is put in as it is, never read for
    /// placeholders again (an organization named `{title}` stays `{title}`).
    pub fn fill(&self, key: Key, values: &[(&str, &str)]) -> String {
        fill(self.get(key), values)
    }

    /// The phrases of a list string (`check_…` keys): separated by `|`, trimmed,
    /// empty ones dropped.
    pub fn phrases(&self, key: Key) -> Vec<&str> {
        self.get(key)
            .split('|')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// The strings of `lang` from `files`, its `i18n/LANG.toml` in each layer that
    /// has one, lowest first, merged key by key; `zone_name` is put in place of
    /// `{zone}` in the date-time pattern. The merged strings must hold every key the
    /// code can ask for; missing ones are named in the highest file.
    pub fn load(
        root: &Path,
        lang: &Lang,
        files: &[ThemeFile],
        zone_name: &str,
    ) -> Result<Strings, Vec<Problem>> {
        let Some(top) = files.last() else {
            let path = Path::new(I18N).join(file_name(lang));
            let lang = lang.to_string();
            let languages = builtin::languages().join(", ");
            return Err(vec![Problem::in_file(
                path,
                msg!("theme-no-strings", lang, languages),
            )]);
        };
        let mut map = BTreeMap::new();
        // The file each string was last set in, for the messages about its value.
        let mut set_in: BTreeMap<String, &Path> = BTreeMap::new();
        let mut problems = Vec::new();
        for file in files {
            match read(root, file) {
                Ok(strings) => {
                    for (key, value) in strings {
                        set_in.insert(key.clone(), &file.shown);
                        map.insert(key, value);
                    }
                }
                Err(problem) => problems.push(problem),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let missing: Vec<String> = Key::all()
            .into_iter()
            .filter(|k| !map.contains_key(k.as_str()))
            .map(|k| format!("`{}`", k.as_str()))
            .collect();
        if !missing.is_empty() {
            let keys = missing.join(", ");
            return Err(vec![Problem::in_file(
                &top.shown,
                msg!("theme-missing-strings", keys),
            )]);
        }
        let pattern_problem = |key: Key, problem| {
            let path = set_in.get(key.as_str()).map_or(&top.shown as &Path, |p| p);
            let key = key.as_str();
            vec![Problem::in_file(
                path,
                msg!("theme-bad-pattern", key, problem),
            )]
        };
        let datetime =
            map[Key::DATETIME_FORMAT.as_str()].replace("{zone}", &zone_name.replace('%', "%%"));
        let datetime =
            Pattern::parse(&datetime).map_err(|m| pattern_problem(Key::DATETIME_FORMAT, m.0))?;
        let date = Pattern::parse_day(&map[Key::DATE_FORMAT.as_str()])
            .map_err(|m| pattern_problem(Key::DATE_FORMAT, m.0))?;
        Ok(Strings {
            value: tera::Value::from_serializable(&map),
            map,
            datetime,
            date,
        })
    }
}

/// The strings of one layer's file.
fn read(root: &Path, file: &ThemeFile) -> Result<BTreeMap<String, String>, Problem> {
    let text = file
        .read(root)
        .map_err(|e| read_problem(file, &e, |error| msg!("theme-strings-unreadable", error)))?;
    toml::from_str(&text)
        .map_err(|e| toml_problem::<BTreeMap<String, String>>(&file.shown, &text, 1, &e))
}

/// The name of `lang`'s strings file inside a theme's or the site's `i18n/`.
pub fn file_name(lang: &Lang) -> String {
    format!("{lang}.toml")
}

/// `template` with each placeholder of `values` replaced where it stands in the
/// template; text of a value is never looked at.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        filled.push_str(&rest[..at]);
        let from = &rest[at..];
        match values
            .iter()
            .find(|(placeholder, _)| from.starts_with(placeholder))
        {
            Some((placeholder, value)) => {
                filled.push_str(value);
                rest = &from[placeholder.len()..];
            }
            None => {
                filled.push('{');
                rest = &from[1..];
            }
        }
    }
    filled.push_str(rest);
    filled
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_in_values_are_not_filled_again() {
        let values = [
            ("{organization}", "株式会社{title}"),
            ("{title}", "特設ページ {status} {n}"),
            ("{status}", "対応中"),
        ];
        assert_eq!(
            super::fill("{organization}の{title}です。{status}。{other} {", &values),
            "株式会社{title}の特設ページ {status} {n}です。対応中。{other} {"
        );
        assert_eq!(super::fill("第{n}報", &[("{n}", "{n}{n}")]), "第{n}{n}報");
    }
}
