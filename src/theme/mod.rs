//! The theme: templates (with the site's own overrides), static files and the UI
//! strings of each language.
//!
//! All words a reader sees that are not content come from the theme's
//! `i18n/LANG.toml`, never from Rust, so a theme can be translated or reworded
//! without touching code.

mod strings;
mod templates;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::base::text::slash_separated;
use crate::base::{Lang, Problem};
use crate::load::layout::{STATIC, TEMPLATES, THEMES};

pub use strings::{Key, Strings};
pub use templates::Template;
use templates::{ESCAPED_SUFFIXES, TEMPLATE_SUFFIXES, template_problems};

/// A loaded theme, ready to render.
pub struct Theme {
    tera: tera::Tera,
    /// Where each template was read from, for messages.
    template_paths: BTreeMap<String, PathBuf>,
    /// The UI strings of each language the site is built in.
    pub strings: BTreeMap<Lang, Strings>,
    /// Files copied to the output as they are, by output path.
    pub static_files: Vec<StaticFile>,
}

/// A file of the theme's or the site's `static/`, copied to the output as it is.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Its output path, with `/` separators.
    pub name: String,
    /// Where it is read from.
    pub source: PathBuf,
    /// Its size in bytes, when the theme was loaded.
    pub size: u64,
}

impl Theme {
    /// Loads theme `name` from the site root, with the strings of `languages`.
    ///
    /// `zone_name` is put in place of `{zone}` in date patterns.
    pub fn load(
        root: &Path,
        name: &str,
        languages: &[Lang],
        zone_name: &str,
    ) -> Result<Theme, Vec<Problem>> {
        let theme_dir = Path::new(THEMES).join(name);
        if !root.join(&theme_dir).is_dir() {
            return Err(vec![Problem::in_file(
                &theme_dir,
                format!(
                    "theme `{name}` not found; expected a folder {} with templates/, static/ and i18n/",
                    theme_dir.display()
                ),
            )]);
        }
        let mut problems = Vec::new();
        let (tera, template_paths) = templates(root, &theme_dir, &mut problems);
        let mut strings = BTreeMap::new();
        for lang in languages {
            let path = theme_dir.join("i18n").join(format!("{lang}.toml"));
            match Strings::load(root, &path, zone_name) {
                Ok(s) => {
                    strings.insert(lang.clone(), s);
                }
                Err(mut p) => problems.append(&mut p),
            }
        }
        let mut static_files: BTreeMap<String, StaticFile> = BTreeMap::new();
        for dir in [theme_dir.join("static"), PathBuf::from(STATIC)] {
            for file in files_under(root, &dir, &mut problems) {
                let size = std::fs::metadata(root.join(&file.1)).map_or(0, |m| m.len());
                let source = root.join(file.1);
                let name = file.0;
                static_files.insert(name.clone(), StaticFile { name, source, size });
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Theme {
            tera,
            template_paths,
            strings,
            static_files: static_files.into_values().collect(),
        })
    }

    /// Renders `template` with `context`; a failure is a problem of the template's
    /// file and line.
    pub fn render(
        &self,
        template: Template,
        context: &tera::Context,
    ) -> Result<String, Vec<Problem>> {
        self.tera
            .render(template.name(), context)
            .map_err(|e| template_problems(&e, &self.template_paths))
    }
}

/// The theme's templates with the site's overrides, compiled, and where each was read
/// from.
fn templates(
    root: &Path,
    theme_dir: &Path,
    problems: &mut Vec<Problem>,
) -> (tera::Tera, BTreeMap<String, PathBuf>) {
    let mut template_paths = BTreeMap::new();
    for dir in [theme_dir.join("templates"), PathBuf::from(TEMPLATES)] {
        for (name, path) in files_under(root, &dir, problems) {
            if TEMPLATE_SUFFIXES
                .iter()
                .any(|suffix| name.ends_with(suffix))
            {
                template_paths.insert(name, path);
            }
        }
    }
    let mut tera = tera::Tera::default();
    tera.autoescape_on(ESCAPED_SUFFIXES.iter().copied());
    let mut sources = Vec::new();
    for (name, path) in &template_paths {
        match std::fs::read_to_string(root.join(path)) {
            Ok(text) => sources.push((name.clone(), text)),
            Err(e) => problems.push(Problem::in_file(path, format!("cannot be read: {e}"))),
        }
    }
    if let Err(e) = tera.add_raw_templates(sources) {
        problems.extend(template_problems(&e, &template_paths));
    }
    (tera, template_paths)
}

/// The files below `dir` (relative to `root`), as (name with `/` separators, path
/// relative to root). A missing folder has no files.
fn files_under(root: &Path, dir: &Path, problems: &mut Vec<Problem>) -> Vec<(String, PathBuf)> {
    let absolute = root.join(dir);
    if !absolute.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(&absolute)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let relative = entry
                    .path()
                    .strip_prefix(&absolute)
                    .expect("walkdir stays inside its root");
                let name = slash_separated(relative);
                files.push((name, dir.join(relative)));
            }
            Ok(_) => {}
            Err(e) => problems.push(Problem::in_file(dir, format!("cannot be read: {e}"))),
        }
    }
    files
}
