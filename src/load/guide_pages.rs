//! Reading the guide pages of `content/pages/`: `NAME.md` and its translations
//! `NAME.LANG.md`, with site.toml's `home_pages` checked against them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use toml::Spanned;

use super::frontmatter::FrontMatter;
use super::layout::{self, Role, SourceFile, read_text};
use crate::base::suggest::unknown_name_hint;
use crate::base::{Lang, Located, Problem};
use crate::markdown;
use crate::model::guide_page::RESERVED;
use crate::model::{GuidePage, GuideText, Slug, Sources};

/// The problem of a guide page without front matter.
const MISSING: &str = "missing front matter; expected the file to start with a `+++` line, \
     then title = \"…\", then a closing `+++` line";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPage {
    title: Spanned<String>,
    summary: Option<String>,
    updated: Option<Spanned<toml::Value>>,
}

/// What reading the guide pages depends on.
pub struct Reading<'a> {
    /// The site's folder.
    pub root: &'a Path,
    /// The site's main language.
    pub main: &'a Lang,
    /// The zone dates without an offset are read in.
    pub zone: FixedOffset,
    /// The languages the rest of the content is written in, main included: no page
    /// may be named like one, nor like a folder in [`RESERVED`].
    pub languages: &'a BTreeSet<Lang>,
    /// site.toml's list (empty when site.toml is broken): each must name a page file.
    pub home_pages: &'a [Located<String>],
}

impl Reading<'_> {
    /// Reads `content/pages/`, reporting every problem into `problems`; the text of
    /// every file read goes into `sources`.
    pub fn load(&self, sources: &mut Sources, problems: &mut Vec<Problem>) -> Vec<GuidePage> {
        let files = discover(self.root, self.main, problems);
        let mut languages = self.languages.clone();
        languages.extend(files.iter().filter_map(|s| match &s.role {
            Role::Translation(lang) => Some(lang.clone()),
            Role::Original => None,
        }));

        let mut originals: BTreeMap<String, Option<GuidePage>> = BTreeMap::new();
        let mut translations = Vec::new();
        for file in &files {
            let name = check_name(&file.name, &languages)
                .map_err(|message| problems.push(Problem::in_file(&file.shown, message)))
                .ok();
            let text =
                read(file, self.zone, sources).map_err(|mut found| problems.append(&mut found));
            match (&file.role, name, text) {
                (Role::Original, Some(name), Ok(text)) => {
                    let page = GuidePage {
                        name,
                        original: text,
                        translations: BTreeMap::new(),
                    };
                    originals.insert(file.name.clone(), Some(page));
                }
                // Its translations are not orphans: the original's problem is reported.
                (Role::Original, ..) => {
                    originals.insert(file.name.clone(), None);
                }
                (Role::Translation(lang), _, text) => translations.push((file, lang, text)),
            }
        }
        for (file, lang, text) in translations {
            match originals.get_mut(&file.name) {
                None => problems.push(Problem::in_file(
                    &file.shown,
                    format!(
                        "translation with no original; expected {} in the site's main language ({})",
                        layout::guide_pages_dir().join(format!("{}.md", file.name)).display(),
                        self.main
                    ),
                )),
                Some(Some(page)) => {
                    if let Ok(text) = text {
                        page.translations.insert(lang.clone(), text);
                    }
                }
                Some(None) => {}
            }
        }
        // A page with problems of its own still exists: listing it is not a mistake.
        let names: Vec<&str> = originals.keys().map(String::as_str).collect();
        check_home_pages(self.home_pages, &names, problems);
        originals.into_values().flatten().collect()
    }
}

/// Every name in site.toml's `home_pages` is one of `names`, listed once.
fn check_home_pages(home_pages: &[Located<String>], names: &[&str], problems: &mut Vec<Problem>) {
    let shown_dir = layout::guide_pages_dir();
    let mut listed = BTreeSet::new();
    for Located { line, value: name } in home_pages {
        let message = if !listed.insert(name) {
            format!("`home_pages` lists `{name}` twice; expected each page once")
        } else if names.contains(&name.as_str()) {
            continue;
        } else {
            let hint = unknown_name_hint(name, names, || {
                format!(
                    "there are no pages yet; expected a file {}",
                    shown_dir.join(format!("{name}.md")).display()
                )
            });
            format!(
                "`home_pages`: there is no page `{name}` in {}/; {hint}",
                shown_dir.display()
            )
        };
        problems.push(Problem::at(layout::SITE_TOML, *line, message));
    }
}

/// Lists the page files, reporting anything that cannot be one.
fn discover(root: &Path, main: &Lang, problems: &mut Vec<Problem>) -> Vec<SourceFile> {
    let shown = layout::guide_pages_dir();
    let entries = match std::fs::read_dir(root.join(&shown)) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            problems.push(Problem::in_file(&shown, format!("cannot be read: {e}")));
            return Vec::new();
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    let mut files = Vec::new();
    for entry in entries {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.starts_with('.') {
            continue;
        }
        let path = shown.join(&file_name);
        let stem = file_name
            .strip_suffix(".md")
            .filter(|_| entry.path().is_file());
        let Some(stem) = stem else {
            problems.push(Problem::in_file(
                &path,
                "not a page; expected NAME.md, or NAME.LANG.md for a translation \
                 (pages have no folders or attachments)",
            ));
            continue;
        };
        match SourceFile::named(path, entry.path(), stem, main) {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    files
}

/// The page's name, if it can be one: a slug, and not a folder the site makes itself.
fn check_name(name: &str, languages: &BTreeSet<Lang>) -> Result<Slug, String> {
    let slug = Slug::parse(name).map_err(|_| {
        format!(
            "`{name}` cannot be a page name (the page's URL); expected lowercase letters \
             a-z, digits, `-` and `_`, such as `faq`"
        )
    })?;
    let taken_by = if RESERVED.contains(&name) {
        "the site's own folder"
    } else if languages.iter().any(|l| l.as_str() == name) {
        "the folder of the site's pages in that language"
    } else {
        return Ok(slug);
    };
    let reserved: Vec<String> = RESERVED.iter().map(|r| format!("`{r}`")).collect();
    Err(format!(
        "page name `{name}` would be published at {name}/, which is {taken_by}; expected \
         another name (not {}, nor a language code of the site)",
        reserved.join(", ")
    ))
}

/// Reads one page file.
fn read(
    file: &SourceFile,
    zone: FixedOffset,
    sources: &mut Sources,
) -> Result<GuideText, Vec<Problem>> {
    let path = file.shown.as_path();
    let text = read_text(&file.absolute, path).map_err(|p| vec![p])?;
    sources.insert(path.to_path_buf(), text.as_str().into());
    let file = FrontMatter::<RawPage>::read(path, &text, MISSING)?;
    let raw = &file.raw;
    let mut problems = Vec::new();
    file.check_title(&raw.title, &mut problems);
    let updated: Option<DateTime<FixedOffset>> = raw
        .updated
        .as_ref()
        .and_then(|value| file.moment(value, "updated", zone, &mut problems));
    let rendered = markdown::render(file.body);
    problems.extend(
        rendered
            .refused
            .iter()
            .map(|r| r.problem(path, file.body, file.body_line)),
    );
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(GuideText {
        source: path.to_path_buf(),
        title: raw.title.get_ref().clone(),
        summary: raw.summary.clone().unwrap_or(rendered.first_paragraph),
        updated,
        body_html: rendered.html,
        headings: rendered.headings,
    })
}
