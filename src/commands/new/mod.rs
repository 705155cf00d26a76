//! `crisis-site new`: a draft announcement, or the translation of one, with its
//! front matter filled in.
//!
//! Two runs at once never take one number or one file: the new announcement is
//! numbered and created while `new` holds [`lock`]'s lock in the site, and every file
//! is created only if it does not exist yet, so a writer's text is never overwritten.

mod lock;
mod title;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::base::suggest::suggest;
use crate::base::time::{Moment, front_matter_value};
use crate::base::{Error, Lang, Problem};
use crate::load::layout::{announcements_dir, translation_file};
use crate::load::{Cache, config, content};
use crate::model::{Channels, Slug, Sources};
use crate::msg;

/// A new announcement to write.
#[derive(Debug, Clone)]
pub struct NewAnnouncement {
    /// The site's folder.
    pub root: PathBuf,
    /// Its title.
    pub title: String,
    /// Its channels: one, or both for a statement that is a disclosure too.
    pub channels: Channels,
    /// Its slug; by default the date and time of `now` (`2023-06-06-1700`), with
    /// `-2`, `-3`… when another announcement has it.
    pub slug: Option<String>,
    /// Whether it takes the next number of the series (第N報).
    pub numbered: bool,
    /// Whether it is a folder (`SLUG/index.md`), ready for attachments beside it.
    pub folder: bool,
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
/// the series unless told otherwise; returns its path relative to the root. While
/// another `new` numbers an announcement in the site, it waits, calling `waiting`
/// once first.
pub fn new_announcement(new: &NewAnnouncement, waiting: impl FnOnce()) -> Result<PathBuf, Error> {
    title::check(&new.title)?;
    let asked = match &new.slug {
        Some(slug) => Some(
            Slug::parse(slug).map_err(|m| Error::Invalid(vec![Problem::in_file("--slug", m.0)]))?,
        ),
        None => None,
    };
    let config = config::load(&new.root).map_err(Error::Invalid)?;
    if let Some(slug) = asked.as_ref().filter(|s| taken(&new.root, s)) {
        return Err(slug_taken(slug));
    }
    let now = new
        .now
        .in_zone(config.timezone)
        .with_timezone(&config.timezone);
    let _lock = lock::Numbering::take(&new.root, waiting)?;
    let existing = content::load(
        &new.root,
        Some(&config),
        &Cache::none(),
        &mut Sources::default(),
    )
    .map_err(Error::Invalid)?;
    let number = existing
        .announcements
        .iter()
        .filter_map(|a| a.number)
        .max()
        .unwrap_or(0)
        + 1;
    let mut front = format!(
        "title = {}\ndate = {}\nchannel = {}\n",
        toml::Value::from(new.title.as_str()),
        front_matter_value(&now),
        new.channels.as_front_matter()
    );
    if new.numbered {
        front.push_str(&format!("number = {number}\n"));
    }
    front.push_str("draft = true\n");
    let text = format!("+++\n{front}+++\n\n");
    lock::pause_if_asked();

    let base = now.format("%Y-%m-%d-%H%M").to_string();
    for n in 1.. {
        let slug = match &asked {
            Some(slug) => slug.clone(),
            None if n == 1 => Slug::parse(&base).expect("a date is a slug"),
            None => Slug::parse(&format!("{base}-{n}")).expect("a date is a slug"),
        };
        // A slug asked for was free before the lock, but another run may have
        // taken it since.
        if taken(&new.root, &slug) {
            match asked {
                Some(_) => return Err(slug_taken(&slug)),
                None => continue,
            }
        }
        let path = announcement_path(&slug, new.folder);
        match create(&new.root, &path, &text)? {
            Created::Yes => return Ok(path),
            // Someone else made the file since it was looked for: a slug asked for
            // is refused, the date's takes the next number.
            Created::Exists if asked.is_some() => return Err(slug_taken(&slug)),
            Created::Exists => {}
        }
    }
    unreachable!("some slug of the date is free")
}

/// The file of a new announcement: `SLUG.md`, or `SLUG/index.md` for a folder.
fn announcement_path(slug: &Slug, folder: bool) -> PathBuf {
    let folder_path = announcements_dir();
    if folder {
        folder_path.join(slug.as_str()).join("index.md")
    } else {
        folder_path.join(format!("{slug}.md"))
    }
}

/// Whether an announcement has the slug: its file or folder, or a file named as its
/// translation (which a new original would adopt).
fn taken(root: &Path, slug: &Slug) -> bool {
    let Ok(entries) = std::fs::read_dir(root.join(announcements_dir())) else {
        return false;
    };
    let prefix = format!("{slug}.");
    entries.flatten().any(|e| {
        let name = e.file_name();
        let name = name.to_string_lossy();
        name == slug.as_str() || name.starts_with(&prefix)
    })
}

/// The refusal of a slug asked for that an announcement has.
fn slug_taken(slug: &Slug) -> Error {
    let path = announcements_dir().join(format!("{slug}.md"));
    let slug = slug.to_string();
    Error::Invalid(vec![Problem::in_file(
        &path,
        msg!("commands-new-slug-taken", slug),
    )])
}

/// The slugs of the site's announcements: its `SLUG.md` files and `SLUG/` folders.
fn slugs(root: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join(announcements_dir())) else {
        return Vec::new();
    };
    let mut slugs: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if e.path().join("index.md").is_file() {
                return Some(name);
            }
            let stem = name.strip_suffix(".md")?;
            (!stem.contains('.') && !stem.starts_with('.')).then(|| stem.to_string())
        })
        .collect();
    slugs.sort();
    slugs
}

/// Writes the translation file of announcement `of`, beside its original; returns its
/// path relative to the root.
pub fn new_translation(new: &NewTranslation) -> Result<PathBuf, Error> {
    title::check(&new.title)?;
    let config = config::load(&new.root).map_err(Error::Invalid)?;
    let folder = announcements_dir();
    if new.lang == config.language {
        let lang = new.lang.to_string();
        return Err(Error::Invalid(vec![Problem::in_file(
            "--lang",
            msg!("commands-new-main-language", lang),
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
        let known = slugs(&new.root);
        let of = new.of.clone();
        let shown = folder.display().to_string();
        let message = match suggest(&new.of, known.iter().map(String::as_str)) {
            Some(best) => msg!("commands-new-no-original-like", of, folder = shown, best),
            None => msg!("commands-new-no-original", of, folder = shown),
        };
        return Err(Error::Invalid(vec![Problem::in_file(alone, message)]));
    };
    let front = format!("title = {}\n", toml::Value::from(new.title.as_str()));
    match create(&new.root, &path, &format!("+++\n{front}+++\n\n"))? {
        Created::Yes => Ok(path),
        Created::Exists => Err(Error::Invalid(vec![Problem::in_file(
            &path,
            msg!("commands-new-file-exists"),
        )])),
    }
}

/// Whether [`create`] made the file.
enum Created {
    Yes,
    /// The file was there already; nothing was changed.
    Exists,
}

/// Creates a file that must not exist yet, in one step that fails if it does: a
/// writer's text is never overwritten, and of two runs creating one file, one does.
fn create(root: &Path, path: &Path, text: &str) -> Result<Created, Error> {
    let shown = |p: &Path| p.display().to_string();
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(root.join(folder))
            .map_err(|e| Error::io(msg!("commands-cannot-create", path = shown(folder)), e))?;
    }
    let opened = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(root.join(path));
    let mut file = match opened {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(Created::Exists),
        Err(e) => {
            return Err(Error::io(
                msg!("commands-cannot-create", path = shown(path)),
                e,
            ));
        }
    };
    file.write_all(text.as_bytes())
        .map_err(|e| Error::io(msg!("commands-cannot-write", path = shown(path)), e))?;
    Ok(Created::Yes)
}
