//! `crisis-site new`: a draft announcement, or the translation of one, with its
//! front matter filled in.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::base::time::{Moment, front_matter_value};
use crate::base::{Error, Lang, Problem};
use crate::load::layout::{announcements_dir, translation_file};
use crate::load::{Cache, config, content};
use crate::model::{Channel, Slug, Sources};

/// A new announcement to write.
#[derive(Debug, Clone)]
pub struct NewAnnouncement {
    /// The site's folder.
    pub root: PathBuf,
    /// Its title.
    pub title: String,
    /// Its channel.
    pub channel: Channel,
    /// Its slug; by default the date and time of `now` (`2023-06-06-1700`).
    pub slug: Option<String>,
    /// Whether it takes the next number of the series (第N報).
    pub numbered: bool,
    /// The moment it is written, which becomes its `date` (in the site's zone).
    pub now: Moment,
}

/// A new translation of an existing announcement.
#[derive(Debug, Clone)]
pub struct NewTranslation {
    /// The site's folder.
    pub root: PathBuf,
    /// The translated title.
    pub title: String,
    /// The translation's language.
    pub lang: Lang,
    /// The slug of the original.
    pub of: String,
}

/// Writes a draft announcement dated `now` in the site's zone, with the next number of
/// the series unless told otherwise; returns its path relative to the root.
pub fn new_announcement(new: &NewAnnouncement) -> Result<PathBuf, Error> {
    let config = config::load(&new.root).map_err(Error::Invalid)?;
    let existing = content::load(
        &new.root,
        Some(&config),
        &Cache::none(),
        &mut Sources::default(),
    )
    .map_err(Error::Invalid)?;
    let now = new
        .now
        .in_zone(config.timezone)
        .with_timezone(&config.timezone);
    let slug = match &new.slug {
        Some(slug) => slug.clone(),
        None => now.format("%Y-%m-%d-%H%M").to_string(),
    };
    let slug =
        Slug::parse(&slug).map_err(|m| Error::Invalid(vec![Problem::in_file("--slug", m.0)]))?;
    let folder = announcements_dir();
    let path = folder.join(format!("{slug}.md"));
    if new.root.join(folder.join(slug.as_str())).exists() || new.root.join(&path).exists() {
        return Err(Error::Invalid(vec![Problem::in_file(
            &path,
            format!(
                "an announcement `{slug}` exists already; expected a new slug (pass --slug NAME)"
            ),
        )]));
    }
    let number = existing
        .announcements
        .iter()
        .filter_map(|a| a.number)
        .max()
        .unwrap_or(0)
        + 1;

    let mut front = format!(
        "title = {}\ndate = {}\nchannel = \"{}\"\n",
        toml::Value::from(new.title.as_str()),
        front_matter_value(&now),
        new.channel.id()
    );
    if new.numbered {
        front.push_str(&format!("number = {number}\n"));
    }
    front.push_str("draft = true\n");
    create(&new.root, &path, &format!("+++\n{front}+++\n\n"))?;
    Ok(path)
}

/// Writes the translation file of announcement `of`, beside its original; returns its
/// path relative to the root.
pub fn new_translation(new: &NewTranslation) -> Result<PathBuf, Error> {
    let config = config::load(&new.root).map_err(Error::Invalid)?;
    let folder = announcements_dir();
    if new.lang == config.language {
        return Err(Error::Invalid(vec![Problem::in_file(
            "--lang",
            format!(
                "`{}` is the site's main language; expected the language of the translation, e.g. en",
                new.lang
            ),
        )]));
    }
    // `of` becomes part of a path: only a slug may, so nothing is written outside
    // content/announcements.
    Slug::parse(&new.of).map_err(|m| Error::Invalid(vec![Problem::in_file("--for", m.0)]))?;
    let in_folder = folder.join(&new.of).join("index.md");
    let alone = folder.join(format!("{}.md", new.of));
    let path = if new.root.join(&in_folder).is_file() {
        translation_file(&in_folder, &new.lang)
    } else if new.root.join(&alone).is_file() {
        translation_file(&alone, &new.lang)
    } else {
        return Err(Error::Invalid(vec![Problem::in_file(
            folder.join(format!("{}.md", new.of)),
            format!(
                "no announcement `{}` to translate; expected {0}.md or {0}/index.md in {}",
                new.of,
                folder.display()
            ),
        )]));
    };
    let front = format!("title = {}\n", toml::Value::from(new.title.as_str()));
    create(&new.root, &path, &format!("+++\n{front}+++\n\n"))?;
    Ok(path)
}

/// Creates a file that must not exist yet: a writer's text is never overwritten.
fn create(root: &Path, path: &Path, text: &str) -> Result<(), Error> {
    if let Some(folder) = root.join(path).parent() {
        std::fs::create_dir_all(folder)
            .map_err(|e| Error::io(format!("cannot create {}", folder.display()), e))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(root.join(path))
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Invalid(vec![Problem::in_file(
                    path,
                    "exists already; expected a new file (nothing was changed)",
                )])
            } else {
                Error::io(format!("cannot create {}", path.display()), e)
            }
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))
}
