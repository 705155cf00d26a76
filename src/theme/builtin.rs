//! The built-in theme: the files of `themes/default/` carried in the binary, so a
//! site needs no theme folder of its own and gets the theme's fixes with every new
//! version of the tool. A test checks that this list and `themes/default/` hold the
//! same files.

/// One file of the built-in theme: its path under `themes/default/` and its text.
macro_rules! theme_file {
    ($path:literal) => {
        ($path, include_str!(concat!("../../themes/default/", $path)))
    };
}

/// The name of the built-in theme, and of site.toml's `theme` where it names none.
pub use crate::model::config::DEFAULT_THEME as NAME;

/// Every file of the built-in theme, by its path in a theme folder (`templates/…`,
/// `static/…`, `i18n/…`), sorted.
pub const FILES: &[(&str, &str)] = &[
    theme_file!("i18n/en.toml"),
    theme_file!("i18n/ja.toml"),
    theme_file!("static/style.css"),
    theme_file!("templates/404.html"),
    theme_file!("templates/announcement.html"),
    theme_file!("templates/banner.html"),
    theme_file!("templates/base.html"),
    theme_file!("templates/home.html"),
    theme_file!("templates/list.html"),
    theme_file!("templates/measures.html"),
    theme_file!("templates/page.html"),
    theme_file!("templates/partials/announcements.html"),
    theme_file!("templates/partials/contact.html"),
    theme_file!("templates/partials/contacts.html"),
    theme_file!("templates/partials/feed_entry.html"),
    theme_file!("templates/partials/footer.html"),
    theme_file!("templates/partials/item.html"),
    theme_file!("templates/partials/masthead.html"),
    theme_file!("templates/partials/service_table.html"),
    theme_file!("templates/partials/unreleased.html"),
    theme_file!("templates/partials/unreleased_mark.html"),
    theme_file!("templates/pdf/common.typ"),
    theme_file!("templates/pdf/disclosure.typ"),
    theme_file!("templates/pdf/notice.typ"),
    theme_file!("templates/redirect.html"),
    theme_file!("templates/services.html"),
    theme_file!("templates/status.svg"),
    theme_file!("templates/timeline.html"),
];

/// One built-in file of a part of the theme.
pub struct BuiltInFile {
    /// Its path in the theme (`static/style.css`).
    pub path: &'static str,
    /// Its name inside the part's folder (`style.css`).
    pub name: &'static str,
    /// Its text.
    pub text: &'static str,
}

/// The built-in files of one part of a theme (`templates`, `static`, `i18n`).
pub fn part(part: &str) -> impl Iterator<Item = BuiltInFile> {
    FILES.iter().filter_map(move |&(path, text)| {
        let name = path.strip_prefix(part)?.strip_prefix('/')?;
        Some(BuiltInFile { path, name, text })
    })
}

/// The languages the built-in theme has strings for, as `i18n/` names them.
pub fn languages() -> Vec<&'static str> {
    part("i18n")
        .filter_map(|f| f.name.strip_suffix(".toml"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parts_name_their_files_inside_the_part() {
        let templates: Vec<&str> = part("templates").map(|f| f.name).collect();
        assert_eq!(templates.len(), 25);
        assert!(templates.contains(&"pdf/disclosure.typ"));
        assert!(templates.contains(&"partials/item.html"));
        assert_eq!(
            part("static").map(|f| f.path).collect::<Vec<_>>(),
            ["static/style.css"]
        );
        assert_eq!(languages(), ["en", "ja"]);
    }
}
