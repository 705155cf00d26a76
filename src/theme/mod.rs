//! The theme: templates, static files and the UI strings of each language, from the
//! built-in theme with the site's own files in place of the built-in ones
//! (`layers`).
//!
//! All words a reader sees that are not content come from the theme's
//! `i18n/LANG.toml`, never from Rust, so a theme can be translated or reworded
//! without touching code.

pub mod builtin;
mod key;
mod layers;
pub mod pdf;
mod strings;
mod stylesheet;
mod templates;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::base::{Lang, Located, Problem};
use crate::load::leftovers::leftover_prefix;
use crate::load::names::refused_attachment;
use crate::model::url::ASSETS;
use crate::msg;

pub use key::Key;
use layers::{Layers, Part, Source, ThemeFile, read_problem};
pub use pdf::PdfTheme;
pub use strings::Strings;
pub use stylesheet::Stylesheet;
pub use templates::Template;
use templates::{ESCAPED_SUFFIXES, TEMPLATE_SUFFIXES, template_problems};

/// A loaded theme, ready to render.
pub struct Theme {
    tera: tera::Tera,
    /// Where each template was read from, for messages.
    templates: BTreeMap<String, ThemeFile>,
    /// The UI strings of each language the site is built in.
    pub strings: BTreeMap<Lang, Strings>,
    /// Files copied to the output as they are, by output path.
    pub static_files: Vec<StaticFile>,
    /// The stylesheet, which every page links under a name made from its bytes.
    pub stylesheet: Stylesheet,
    /// The layouts and fonts of the PDFs.
    pub pdf: PdfTheme,
    /// The leftovers of editors, the system and version control found among the
    /// static files and not published (`load::leftovers`), by path from the site root.
    pub skipped: Vec<PathBuf>,
}

/// A file of the theme's or the site's `static/`, copied to the output as it is.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Its output path, with `/` separators.
    pub name: String,
    /// Where its bytes are.
    pub bytes: StaticBytes,
    /// Its size in bytes, when the theme was loaded.
    pub size: u64,
}

/// Where a static file's bytes are.
#[derive(Debug, Clone)]
pub enum StaticBytes {
    /// A file of the built-in theme, carried in the binary; its path in the theme.
    BuiltIn {
        /// Its path in the theme (`static/style.css`).
        path: &'static str,
        /// Its text.
        text: &'static str,
    },
    /// A file of the site's folder.
    File(PathBuf),
}

impl Theme {
    /// Loads the theme of the site at `root`: the built-in theme, under the folder
    /// `themes/NAME/` that site.toml's `theme` names (`theme`, with its line), under
    /// the site's own `templates/`, `static/` and `i18n/`; with the strings of
    /// `languages`.
    ///
    /// `zone_name` is put in place of `{zone}` in date patterns.
    pub fn load(
        root: &Path,
        theme: Option<&Located<String>>,
        languages: &[Lang],
        zone_name: &str,
    ) -> Result<Theme, Vec<Problem>> {
        let layers = Layers::find(root, theme).map_err(|p| vec![p])?;
        let mut problems = Vec::new();
        // Listed once: the PDF layouts are among the templates.
        let template_files = layers.part(root, Part::Templates, &mut problems);
        let pdf = PdfTheme::load(root, &layers, &template_files, &mut problems);
        let (tera, templates) = templates(root, template_files, &mut problems);
        let mut i18n = layers.part(root, Part::Strings, &mut problems);
        let mut strings = BTreeMap::new();
        for lang in languages {
            let files = i18n.remove(&strings::file_name(lang)).unwrap_or_default();
            match Strings::load(root, lang, &files, zone_name) {
                Ok(s) => {
                    strings.insert(lang.clone(), s);
                }
                Err(mut p) => problems.append(&mut p),
            }
        }
        let statics = static_files(root, &layers, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Theme {
            tera,
            templates,
            strings,
            static_files: statics.files,
            stylesheet: statics
                .stylesheet
                .expect("the built-in theme has a stylesheet, read without a problem"),
            pdf,
            skipped: statics.skipped,
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
            .map_err(|e| template_problems(&e, &self.templates))
    }
}

/// The theme's templates, each from the highest layer that has it, compiled, and
/// where each was read from.
fn templates(
    root: &Path,
    files: BTreeMap<String, Vec<ThemeFile>>,
    problems: &mut Vec<Problem>,
) -> (tera::Tera, BTreeMap<String, ThemeFile>) {
    let templates: BTreeMap<String, ThemeFile> = files
        .into_iter()
        .filter(|(name, _)| {
            TEMPLATE_SUFFIXES
                .iter()
                .any(|suffix| name.ends_with(suffix))
        })
        .filter_map(|(name, mut files)| Some((name, files.pop()?)))
        .collect();
    let mut tera = tera::Tera::default();
    tera.autoescape_on(ESCAPED_SUFFIXES.iter().copied());
    let mut sources = Vec::new();
    for (name, file) in &templates {
        match file.read(root) {
            Ok(text) => sources.push((name.clone(), text)),
            Err(e) => problems.push(read_problem(file, &e, |error| {
                msg!("theme-unreadable", error)
            })),
        }
    }
    if let Err(e) = tera.add_raw_templates(sources) {
        problems.extend(template_problems(&e, &templates));
    }
    (tera, templates)
}

/// The beginning of the names crisis-site gives its own files in and beside the
/// output (its marker `.crisis-site-output`): not a static file's.
const RESERVED: &str = ".crisis-site";

/// What the theme's `static/` folders give: the files copied as they are, the
/// stylesheet, and the leftovers left out.
struct Statics {
    files: Vec<StaticFile>,
    /// `None` only when reading it failed, which is one of the problems.
    stylesheet: Option<Stylesheet>,
    skipped: Vec<PathBuf>,
}

/// The static files, each from the highest layer that has it, by output path; the
/// stylesheet, read; and the leftovers left out (a version-control folder once, not
/// file by file).
fn static_files(root: &Path, layers: &Layers, problems: &mut Vec<Problem>) -> Statics {
    let mut files = Vec::new();
    let mut stylesheet = None;
    let mut skipped = BTreeSet::new();
    for (name, mut layered) in layers.part(root, Part::Static, problems) {
        let Some(file) = layered.pop() else { continue };
        if name.starts_with(RESERVED) {
            let reserved = RESERVED;
            problems.push(Problem::in_file(
                &file.shown,
                msg!("theme-static-reserved", reserved),
            ));
            continue;
        }
        if name.starts_with(ASSETS) {
            let folder = ASSETS;
            problems.push(Problem::in_file(
                &file.shown,
                msg!("theme-static-assets", folder),
            ));
            continue;
        }
        if let Some(prefix) = leftover_prefix(&name) {
            // `shown` ends with `name`: the leftover is that path without the rest.
            let rest = name[prefix.len()..].matches('/').count();
            let leftover = file.shown.ancestors().nth(rest).unwrap_or(&file.shown);
            skipped.insert(leftover.to_path_buf());
            continue;
        }
        if name == stylesheet::NAME {
            match file.read(root) {
                Ok(text) => stylesheet = Some(Stylesheet::new(text)),
                Err(e) => problems.push(read_problem(&file, &e, |error| {
                    msg!("theme-unreadable", error)
                })),
            }
            continue;
        }
        let (bytes, size) = match file.source {
            Source::BuiltIn { path, text } => {
                (StaticBytes::BuiltIn { path, text }, text.len() as u64)
            }
            Source::File => {
                let source = root.join(&file.shown);
                if let Some(problem) = refused_attachment(&name, &source, &file.shown) {
                    problems.push(problem);
                    continue;
                }
                let size = std::fs::metadata(&source).map_or(0, |m| m.len());
                (StaticBytes::File(source), size)
            }
        };
        files.push(StaticFile { name, bytes, size });
    }
    Statics {
        files,
        stylesheet,
        skipped: skipped.into_iter().collect(),
    }
}
