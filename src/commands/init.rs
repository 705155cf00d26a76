//! `crisis-site init DIR`: a new site that builds and previews at once: site.toml, a
//! short overview and one announcement in each channel. It takes the built-in theme,
//! so init writes no theme files (`crisis-site theme export` does, for reading).

use std::path::{Path, PathBuf};

use crate::base::time::{Moment, front_matter_value};
use crate::base::{Error, Lang, Problem};
use crate::load::config::main_language_of;
use crate::model::config::default_timezone;
use crate::{msg, output};

/// A path as messages show it.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The main language of the site `init` writes: its messages are in it.
pub fn starter_language() -> Option<Lang> {
    // Read as a site.toml the TOML reader refuses is: the starter is TOML only once
    // `{now}` is filled in.
    let (_, site_toml) = STARTER.iter().find(|(path, _)| *path == "site.toml")?;
    main_language_of(site_toml)
}

/// The starter content; `{now}` becomes the moment of `init`.
const STARTER: &[(&str, &str)] = &[
    ("site.toml", include_str!("init/site.toml")),
    ("content/_index.md", include_str!("init/_index.md")),
    ("content/_index.en.md", include_str!("init/_index.en.md")),
    (
        "content/announcements/{date}-first-notice.md",
        include_str!("init/first-notice.md"),
    ),
    (
        "content/announcements/{date}-first-notice.en.md",
        include_str!("init/first-notice.en.md"),
    ),
    (
        "content/announcements/{date}-disclosure.md",
        include_str!("init/disclosure.md"),
    ),
    (
        "content/announcements/{date}-disclosure.en.md",
        include_str!("init/disclosure.en.md"),
    ),
];

/// Writes a new site into `dir`, which must be missing or empty; returns the files
/// written, relative to `dir`. The site is assembled beside `dir` and moved into
/// place, so a failure leaves nothing half-written.
pub fn init(dir: &Path, now: impl Into<Moment>) -> Result<Vec<PathBuf>, Error> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Invalid(vec![Problem::in_file(
            dir,
            msg!("commands-init-is-a-file"),
        )]));
    }
    if dir.exists() && !output::is_empty_folder(dir)? {
        return Err(Error::Invalid(vec![Problem::in_file(
            dir,
            msg!("commands-init-not-empty"),
        )]));
    }
    let (staging, _) = output::staging_beside(dir, ".crisis-site-init-")?;

    // The starter's dates say "now" in the site's zone, as `new` writes them, so the
    // date in a file's name is the date in its front matter.
    // The starter's site.toml leaves `timezone` at its default.
    let zone = default_timezone();
    let now = now.into().in_zone(zone).with_timezone(&zone);
    let stamp = front_matter_value(&now);
    let date = now.format("%Y-%m-%d").to_string();
    let starter = STARTER
        .iter()
        .map(|(path, text)| (path.replace("{date}", &date), text.replace("{now}", &stamp)));
    let mut written = Vec::new();
    for (path, text) in starter {
        let target = staging.path().join(&path);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| Error::io(msg!("commands-cannot-create", path = shown(folder)), e))?;
        }
        std::fs::write(&target, text)
            .map_err(|e| Error::io(msg!("commands-cannot-write", path = shown(&target)), e))?;
        written.push(PathBuf::from(path));
    }

    if dir.exists() {
        std::fs::remove_dir(dir)
            .map_err(|e| Error::io(msg!("commands-cannot-replace", path = shown(dir)), e))?;
    }
    std::fs::rename(staging.path(), dir)
        .map_err(|e| Error::io(msg!("commands-init-cannot-move", path = shown(dir)), e))?;
    let _ = staging.keep();
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_is_dated_in_the_zone_of_its_site_toml() {
        let (_, text) = STARTER
            .iter()
            .find(|(path, _)| *path == "site.toml")
            .expect("the starter has a site.toml");
        let config =
            crate::load::config::parse(&text.replace("{now}", "2023-06-08T12:00:00+09:00"))
                .expect("the starter site.toml is valid");
        assert_eq!(config.timezone, default_timezone());
    }
}
