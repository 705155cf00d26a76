//! Where each file of a site's theme comes from. Three layers, each replacing the
//! files of the one below it that have the same path, file by file:
//!
//! 1. the built-in theme, carried in the binary;
//! 2. the folder `themes/NAME/` that site.toml's `theme` names (optional for
//!    `default`, the built-in theme's name; required for any other name);
//! 3. the site's own `templates/`, `static/` and `i18n/`.
//!
//! Templates and static files are taken from the highest layer that has them; the
//! strings of `i18n/LANG.toml` are merged key by key (`super::strings`).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::builtin;
use crate::base::text::slash_separated;
use crate::base::{Located, Message, Problem};
use crate::load::layout::{FONTS, I18N, SITE_TOML, STATIC, TEMPLATES, THEMES};
use crate::load::regular;
use crate::msg;

/// Where the bytes of a theme file are.
#[derive(Debug, Clone)]
pub enum Source {
    /// In the binary: a file of the built-in theme.
    BuiltIn {
        /// Its path in the theme (`static/style.css`).
        path: &'static str,
        /// Its text.
        text: &'static str,
    },
    /// In the site's folder, at [`ThemeFile::shown`].
    File,
}

/// One file of the theme as the site sees it.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// The path messages name: relative to the site root for the site's files; for a
    /// built-in file, the path a site's own copy would have (`templates/home.html`).
    pub shown: PathBuf,
    /// Where it is read from.
    pub source: Source,
}

impl ThemeFile {
    /// Whether it is a file of the built-in theme.
    pub fn is_built_in(&self) -> bool {
        matches!(self.source, Source::BuiltIn { .. })
    }

    /// Its text.
    pub fn read(&self, root: &Path) -> std::io::Result<Cow<'static, str>> {
        match self.source {
            Source::BuiltIn { text, .. } => Ok(Cow::Borrowed(text)),
            Source::File => regular::read_to_string(&root.join(&self.shown)).map(Cow::Owned),
        }
    }
}

/// The folders of a site's theme, above the built-in theme.
pub struct Layers {
    /// `themes/NAME/`, where the site has it.
    theme_dir: Option<PathBuf>,
}

/// The parts of a theme, each a folder of a theme and of the site.
#[derive(Debug, Clone, Copy)]
pub enum Part {
    /// `templates/`.
    Templates,
    /// `static/`.
    Static,
    /// `i18n/`.
    Strings,
    /// `fonts/`: the fonts the PDFs may be set in.
    Fonts,
}

impl Part {
    /// The part's folder in a theme and in the site.
    pub fn folder(self) -> &'static str {
        match self {
            Part::Templates => TEMPLATES,
            Part::Static => STATIC,
            Part::Strings => I18N,
            Part::Fonts => FONTS,
        }
    }
}

impl Layers {
    /// The layers of the site at `root` whose site.toml names `theme` (with its
    /// line), or none: the built-in theme's name, `default`. A name other than the
    /// built-in theme's needs its folder.
    pub fn find(root: &Path, theme: Option<&Located<String>>) -> Result<Layers, Problem> {
        let name = theme.map_or(builtin::NAME, |t| t.value.as_str());
        let theme_dir = Path::new(THEMES).join(name);
        if regular::folder(root, &theme_dir)?.is_some() {
            return Ok(Layers {
                theme_dir: Some(theme_dir),
            });
        }
        if name == builtin::NAME {
            return Ok(Layers { theme_dir: None });
        }
        let folder = format!("{}/", slash_separated(&theme_dir));
        let message = msg!("theme-not-found", name, folder);
        Err(match theme {
            Some(theme) => Problem::at(SITE_TOML, theme.line, message),
            None => Problem::in_file(SITE_TOML, message),
        })
    }

    /// Every file of `part`, by its name inside the part's folder, with the file of
    /// each layer that has it, lowest first.
    pub fn part(
        &self,
        root: &Path,
        part: Part,
        problems: &mut Vec<Problem>,
    ) -> BTreeMap<String, Vec<ThemeFile>> {
        let folder = part.folder();
        let mut files: BTreeMap<String, Vec<ThemeFile>> = BTreeMap::new();
        for file in builtin::part(folder) {
            files
                .entry(file.name.to_string())
                .or_default()
                .push(ThemeFile {
                    shown: PathBuf::from(file.path),
                    source: Source::BuiltIn {
                        path: file.path,
                        text: file.text,
                    },
                });
        }
        let theme = self.theme_dir.iter().map(|dir| dir.join(folder));
        for dir in theme.chain([PathBuf::from(folder)]) {
            for (name, path) in files_under(root, &dir, part, problems) {
                files.entry(name).or_default().push(ThemeFile {
                    shown: path,
                    source: Source::File,
                });
            }
        }
        files
    }
}

/// The problem of a theme file that cannot be read: text that is not UTF-8 (saved as
/// Shift_JIS, say), or the file system's error in the words of `other`.
pub fn read_problem(
    file: &ThemeFile,
    e: &std::io::Error,
    other: impl FnOnce(String) -> Message,
) -> Problem {
    let message = if e.kind() == std::io::ErrorKind::InvalidData {
        msg!("theme-not-utf8")
    } else {
        other(e.to_string())
    };
    Problem::in_file(&file.shown, message)
}

/// The files below `dir` (relative to `root`), as (name with `/` separators, path
/// relative to root). A missing folder has no files; hidden files are left out, but
/// in `static/`, where they are published (`.well-known/security.txt`).
fn files_under(
    root: &Path,
    dir: &Path,
    part: Part,
    problems: &mut Vec<Problem>,
) -> Vec<(String, PathBuf)> {
    let absolute = match regular::folder(root, dir) {
        Ok(Some(absolute)) => absolute,
        Ok(None) => return Vec::new(),
        Err(problem) => {
            problems.push(problem);
            return Vec::new();
        }
    };
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(&absolute)
        .follow_root_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || matches!(part, Part::Static)
                || !e.file_name().to_string_lossy().starts_with('.')
        });
    for entry in walker {
        match entry {
            Ok(entry) => {
                let relative = entry
                    .path()
                    .strip_prefix(&absolute)
                    .expect("walkdir stays inside its root");
                if let Some(message) = regular::refused(entry.file_type(), entry.path()) {
                    problems.push(Problem::in_file(dir.join(relative), message));
                } else if entry.file_type().is_file() {
                    files.push((slash_separated(relative), dir.join(relative)));
                }
            }
            Err(e) => {
                let error = e.to_string();
                problems.push(Problem::in_file(dir, msg!("theme-unreadable", error)));
            }
        }
    }
    files
}
