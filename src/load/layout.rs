//! Where a site's inputs are: the names of its files and folders, and what a content
//! file is to the site by its name. Every command that needs a path of the site's
//! folder takes it from here.

use std::path::{Path, PathBuf};

use crate::base::encoding::decode;
use crate::base::{Invalid, Lang, Problem};
use crate::model::Attachment;
use crate::msg;

/// The settings file at the site root.
pub const SITE_TOML: &str = "site.toml";
/// The folder of content files, under the site root.
pub const CONTENT: &str = "content";
/// The folder of announcements, under [`CONTENT`].
pub const ANNOUNCEMENTS: &str = "announcements";
/// The folder of guide pages, under [`CONTENT`].
pub const GUIDE_PAGES: &str = "pages";
/// The folder of themes, under the site root.
pub const THEMES: &str = "themes";
/// The folder of a site's own templates, replacing the theme's file by file.
pub const TEMPLATES: &str = "templates";
/// The folder of a site's own static files.
pub const STATIC: &str = "static";
/// The folder of a site's own UI strings, replacing the theme's key by key.
pub const I18N: &str = "i18n";
/// The output folder `build` writes when told no other.
pub const OUTPUT: &str = "public";
/// The folder of the fonts the PDFs may be set in, in the site and in a theme.
pub const FONTS: &str = "fonts";
/// The folders of the site's inputs besides site.toml: what the preview watches.
pub const INPUT_FOLDERS: [&str; 6] = [CONTENT, STATIC, TEMPLATES, I18N, FONTS, THEMES];

/// The text of a writer's file at `absolute`, shown as `shown`: UTF-8 with or
/// without a byte-order mark; another encoding is named at the line where it shows.
/// Only a regular file is read: a link, a pipe or a device is refused
/// ([`super::regular`]).
pub fn read_text(absolute: &Path, shown: &Path) -> Result<String, Problem> {
    let bytes = super::regular::read(absolute, shown)?;
    decode(bytes).map_err(|e| Problem::at(shown, e.line, e.value))
}

/// `content/announcements`, as messages show it and relative to the site root.
pub fn announcements_dir() -> PathBuf {
    Path::new(CONTENT).join(ANNOUNCEMENTS)
}

/// The file `crisis-site new` holds locked while it numbers a new announcement, in
/// [`announcements_dir`]: empty, and skipped as a dot file by the loader.
pub const NEW_LOCK: &str = ".crisis-site-new.lock";

/// `content/pages`, as messages show it and relative to the site root.
pub fn guide_pages_dir() -> PathBuf {
    Path::new(CONTENT).join(GUIDE_PAGES)
}

/// The translation into `lang` of the content file `original` (`x.md` or
/// `x/index.md`): beside it, `x.LANG.md` or `x/index.LANG.md`.
pub fn translation_file(original: &Path, lang: &Lang) -> PathBuf {
    let stem = original
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    original.with_file_name(format!("{stem}.{lang}.md"))
}

/// What a content file is to the site.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// The text in the site's main language.
    Original,
    /// A translation into this language.
    Translation(Lang),
}

/// A content file found on disk, before it is read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path shown in messages, relative to the site root.
    pub shown: PathBuf,
    /// Where it is read from.
    pub absolute: PathBuf,
    /// The name it gives its announcement or guide page (the slug, before it is checked).
    pub name: String,
    /// Original or translation.
    pub role: Role,
    /// The files beside an announcement's `index.md`, published with it.
    pub attachments: Vec<Attachment>,
}

impl SourceFile {
    /// A file without attachments, named by its file stem `stem` (`NAME` or
    /// `NAME.LANG`); the problem of the file when the stem cannot name one.
    pub fn named(
        shown: PathBuf,
        absolute: PathBuf,
        stem: &str,
        main: &Lang,
    ) -> Result<SourceFile, Problem> {
        match name_and_role(stem, main) {
            Ok((name, role)) => Ok(SourceFile {
                shown,
                absolute,
                name,
                role,
                attachments: Vec::new(),
            }),
            Err(m) => Err(Problem::in_file(shown, m.0)),
        }
    }
}

/// Splits `NAME` or `NAME.LANG` (a file stem) into the name and the file's role.
pub fn name_and_role(stem: &str, main: &Lang) -> Result<(String, Role), Invalid> {
    match stem.split_once('.') {
        None => Ok((stem.to_string(), Role::Original)),
        Some((name, code)) => {
            let lang = Lang::parse(code)
                .map_err(|m| Invalid::new(msg!("load-name-not-lang", code, reason = m.0)))?;
            if &lang == main {
                let main = main.to_string();
                return Err(Invalid::new(msg!("load-name-main-lang", code, main, name)));
            }
            Ok((name.to_string(), Role::Translation(lang)))
        }
    }
}
