//! Reading the guide pages of `content/pages/`: `NAME.md` and its translations
//! `NAME.LANG.md`, with site.toml's `home_pages` checked against them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use toml::Spanned;

use super::frontmatter::FrontMatter;
use super::layout::{self, Role, SourceFile, read_text};
use super::{hint, regular};
use crate::base::{Lang, Located, Message, Problem};
use crate::markdown;
use crate::model::guide_page::RESERVED;
use crate::model::{GuidePage, GuideText, Slug, Sources};
use crate::msg;

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
                None => {
                    let original = layout::guide_pages_dir().join(format!("{}.md", file.name));
                    problems.push(Problem::in_file(
                        &file.shown,
                        msg!(
                            "load-page-translation-no-original",
                            file = original.display().to_string(),
                            main = self.main.as_str()
                        ),
                    ));
                }
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
            msg!("load-home-pages-twice", name)
        } else if names.contains(&name.as_str()) {
            continue;
        } else {
            let hint = hint::unknown_name(name, names).unwrap_or_else(|| {
                let file = shown_dir.join(format!("{name}.md")).display().to_string();
                msg!("load-no-pages", file)
            });
            let folder = shown_dir.display().to_string();
            msg!("load-home-pages-unknown", name, folder, hint)
        };
        problems.push(Problem::at(layout::SITE_TOML, *line, message));
    }
}

/// Lists the page files, reporting anything that cannot be one.
fn discover(root: &Path, main: &Lang, problems: &mut Vec<Problem>) -> Vec<SourceFile> {
    let shown = layout::guide_pages_dir();
    let dir = match regular::folder(root, &shown) {
        Ok(Some(dir)) => dir,
        Ok(None) => return Vec::new(),
        Err(problem) => {
            problems.push(problem);
            return Vec::new();
        }
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            let cause = e.to_string();
            problems.push(Problem::in_file(&shown, msg!("load-unreadable", cause)));
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
        // A link or a pipe named like a page is refused when it is read, as the page
        // it would be: its translations are then not orphans.
        let kind = entry.file_type().ok();
        let stem = file_name
            .strip_suffix(".md")
            .filter(|_| kind.is_some_and(|kind| !kind.is_dir()));
        let Some(stem) = stem else {
            let refused = kind.and_then(|kind| regular::refused(kind, &entry.path()));
            let message = refused.unwrap_or_else(|| msg!("load-not-page"));
            problems.push(Problem::in_file(&path, message));
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
fn check_name(name: &str, languages: &BTreeSet<Lang>) -> Result<Slug, Message> {
    let slug = Slug::parse(name).map_err(|_| msg!("load-page-name-invalid", name))?;
    let taken = if RESERVED.contains(&name) {
        msg!("load-site-folder")
    } else if languages.iter().any(|l| l.as_str() == name) {
        msg!("load-language-folder")
    } else {
        return Ok(slug);
    };
    let reserved = hint::names(RESERVED).expect("the site has folders of its own");
    Err(msg!("load-page-name-taken", name, taken, reserved))
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
    let file = FrontMatter::<RawPage>::read(path, &text, msg!("load-page-missing-front-matter"))?;
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
