//! The `content/` folder: the overview, every announcement with its translations,
//! read in parallel and checked across files, and the pages (through [`crate::pages`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use chrono::FixedOffset;
use rayon::prelude::*;

use crate::announcement::{self, Announcement, Attachment, Kind, Original, Slug, Translation};
use crate::config::{self, Config, KeyReportId};
use crate::error::{Problem, suggest, unknown_name_hint};
use crate::frontmatter;
use crate::lang::Lang;
use crate::markdown;
use crate::pages::{self, Page};
use crate::tables;
use crate::time;

/// The folder of content files, under the site root.
pub const DIR: &str = "content";
/// The folder of announcements, under [`DIR`].
pub const ANNOUNCEMENTS: &str = "announcements";

/// Everything under `content/`, valid and joined, drafts and embargoed ones included.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// The incident overview shown at the top of the home page, by language.
    pub overview: BTreeMap<Lang, Overview>,
    /// Every announcement, newest first.
    pub announcements: Vec<Announcement>,
    /// The pages of `content/pages/`, by name.
    pub pages: Vec<Page>,
}

/// The incident overview (`content/_index.md`) in one language.
#[derive(Debug, Clone)]
pub struct Overview {
    /// The heading of the overview, if the writer gave one.
    pub title: Option<String>,
    /// The overview as HTML.
    pub html: String,
}

/// What a content file is to the site.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Role {
    Original,
    Translation(Lang),
}

/// A content file found on disk, before it is parsed.
#[derive(Debug)]
struct Source {
    /// The path shown in messages, relative to the site root.
    path: PathBuf,
    absolute: PathBuf,
    slug: String,
    role: Role,
    attachments: Vec<Attachment>,
}

#[derive(Clone)]
enum Parsed {
    Original(Box<Original>),
    Translation(Lang, Box<Translation>),
}

/// Parsed content files kept between the preview's rebuilds: a file whose size and
/// modification time have not changed is not read again.
#[derive(Default)]
pub struct Cache {
    entries: Mutex<HashMap<PathBuf, Cached>>,
}

struct Cached {
    stamp: (Option<SystemTime>, u64),
    zone: FixedOffset,
    role: Role,
    result: Result<Parsed, Vec<Problem>>,
}

impl Cache {
    /// The parse of `source`, read again only if it changed since the last call.
    fn parse(&self, source: &Source, zone: FixedOffset) -> Result<Parsed, Vec<Problem>> {
        let stamp = std::fs::metadata(&source.absolute)
            .map(|m| (m.modified().ok(), m.len()))
            .ok();
        let lock = || self.entries.lock().expect("cache lock is never poisoned");
        if let Some(stamp) = stamp
            && let Some(cached) = lock().get(&source.absolute)
            && cached.stamp == stamp
            && cached.zone == zone
            && cached.role == source.role
        {
            let mut result = cached.result.clone();
            // Attachments sit beside the file and change without it.
            if let Ok(Parsed::Original(original)) = &mut result {
                original.announcement.attachments = source.attachments.clone();
            }
            return result;
        }
        let result = parse(source, zone);
        if let Some(stamp) = stamp {
            let cached = Cached {
                stamp,
                zone,
                role: source.role.clone(),
                result: result.clone(),
            };
            lock().insert(source.absolute.clone(), cached);
        }
        result
    }

    /// Forgets files that are gone.
    fn keep_only(&self, sources: &[Source]) {
        let present: std::collections::HashSet<&Path> =
            sources.iter().map(|s| s.absolute.as_path()).collect();
        self.entries
            .lock()
            .expect("cache lock is never poisoned")
            .retain(|path, _| present.contains(path.as_path()));
    }
}

/// Reads and checks `content/` under `root`, reading again only the files that
/// changed since `cache` last saw them.
///
/// `config` is `None` when site.toml itself is broken: the files are still read, so
/// their problems are reported in the same run, but nothing is checked against the
/// settings.
pub fn load(root: &Path, config: Option<&Config>, cache: &Cache) -> Result<Content, Vec<Problem>> {
    let main = config
        .map(|c| c.language.clone())
        .unwrap_or_else(config::default_language);
    let zone = config.map_or_else(config::default_timezone, |c| c.timezone);
    let mut problems = Vec::new();

    let overview = load_overview(root, &main, &mut problems);
    let sources = discover(root, &main, &mut problems);
    let parsed: Vec<Result<Parsed, Vec<Problem>>> = sources
        .par_iter()
        .map(|source| cache.parse(source, zone))
        .collect();
    cache.keep_only(&sources);

    let mut originals: HashMap<String, (PathBuf, Option<Original>)> = HashMap::new();
    let mut translations: Vec<(&Source, Lang, Translation)> = Vec::new();
    for (source, result) in sources.iter().zip(parsed) {
        let parsed = match result {
            Ok(parsed) => Some(parsed),
            Err(mut found) => {
                problems.append(&mut found);
                None
            }
        };
        match (&source.role, parsed) {
            (Role::Original, parsed) => {
                if let Some((first, _)) = originals.get(&source.slug) {
                    problems.push(same_slug(&source.slug, first, &source.path));
                    continue;
                }
                let original = parsed.map(|p| match p {
                    Parsed::Original(o) => *o,
                    Parsed::Translation(..) => unreachable!("originals parse as originals"),
                });
                originals.insert(source.slug.clone(), (source.path.clone(), original));
            }
            (Role::Translation(_), Some(Parsed::Translation(lang, t))) => {
                translations.push((source, lang, *t));
            }
            (Role::Translation(_), _) => {}
        }
    }

    let mut seen_translations: HashMap<(String, Lang), PathBuf> = HashMap::new();
    for (source, lang, translation) in translations {
        if let Some(first) = seen_translations.get(&(source.slug.clone(), lang.clone())) {
            problems.push(same_slug(&source.slug, first, &source.path));
            continue;
        }
        seen_translations.insert((source.slug.clone(), lang.clone()), source.path.clone());
        match originals.get_mut(&source.slug) {
            None => problems.push(Problem::in_file(
                &source.path,
                format!(
                    "translation with no original; expected {0}/{1}/{2}.md or {0}/{1}/{2}/index.md \
                     in the site's main language ({main})",
                    DIR, ANNOUNCEMENTS, source.slug
                ),
            )),
            Some((_, None)) => {} // The original's own problems are reported already.
            Some((original_path, Some(original))) => {
                check_agreement(
                    original_path,
                    &original.announcement,
                    &source.path,
                    &translation,
                    &mut problems,
                );
                original
                    .announcement
                    .translations
                    .insert(lang, translation.version);
            }
        }
    }

    let mut announcements: Vec<Original> = originals
        .into_values()
        .filter_map(|(_, original)| original)
        .collect();
    announcements.sort_by(|a, b| newest_first(&a.announcement, &b.announcement));
    if let Some(config) = config {
        check_key_reports(config, &announcements, &mut problems);
    }
    check_corrections(&announcements, &mut problems);

    let languages: BTreeSet<Lang> = std::iter::once(&main)
        .chain(overview.keys())
        .chain(
            announcements
                .iter()
                .flat_map(|o| o.announcement.translations.keys()),
        )
        .cloned()
        .collect();
    let home_pages = config.map_or(&[][..], |c| c.home_pages.as_slice());
    // Pages are few and read again every time, so the preview keeps no cache of them.
    let pages = pages::load(root, &main, zone, &languages, home_pages, &mut problems);

    if problems.is_empty() {
        Ok(Content {
            overview,
            announcements: announcements.into_iter().map(|o| o.announcement).collect(),
            pages,
        })
    } else {
        problems.sort();
        Err(problems)
    }
}

/// Newest first; the higher report number first at the same time; then by slug, so
/// the order never depends on the file system.
pub fn newest_first(a: &Announcement, b: &Announcement) -> std::cmp::Ordering {
    b.date
        .cmp(&a.date)
        .then(b.number.cmp(&a.number))
        .then(a.slug.cmp(&b.slug))
}

fn same_slug(slug: &str, first: &Path, second: &Path) -> Problem {
    Problem::in_file(
        second,
        format!(
            "slug `{slug}` is already used by {}; expected one file per announcement \
             (NAME.md or NAME/index.md, not both)",
            first.display()
        ),
    )
}

fn load_overview(
    root: &Path,
    main: &Lang,
    problems: &mut Vec<Problem>,
) -> BTreeMap<Lang, Overview> {
    let mut overview = BTreeMap::new();
    let dir = root.join(DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return overview;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = Path::new(DIR).join(&name);
        let Some(stem) = name.strip_suffix(".md") else {
            continue;
        };
        let lang = match stem.strip_prefix("_index") {
            Some("") => main.clone(),
            Some(suffix) => match suffix.strip_prefix('.').map(Lang::parse) {
                Some(Ok(lang)) if &lang != main => lang,
                _ => {
                    problems.push(Problem::in_file(
                        &path,
                        format!("unexpected file name; expected _index.md, or _index.LANG.md for a translation (e.g. _index.en.md) in a language other than the site's ({main})"),
                    ));
                    continue;
                }
            },
            None => {
                problems.push(Problem::in_file(
                    &path,
                    format!("not part of the site; announcements go in {DIR}/{ANNOUNCEMENTS}/, pages in {DIR}/{}/, the overview in {DIR}/_index.md", pages::DIR),
                ));
                continue;
            }
        };
        match read_overview(&path, &entry.path()) {
            Ok(o) => {
                overview.insert(lang, o);
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    overview
}

fn read_overview(path: &Path, absolute: &Path) -> Result<Overview, Vec<Problem>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct OverviewFront {
        title: Option<String>,
    }
    let text = std::fs::read_to_string(absolute)
        .map_err(|e| vec![Problem::in_file(path, format!("cannot be read: {e}"))])?;
    let split = frontmatter::split(&text).map_err(|(line, m)| vec![Problem::at(path, line, m)])?;
    let title = match split.front_matter {
        None => None,
        Some(front) => {
            let parsed: OverviewFront = toml::from_str(front).map_err(|e| {
                vec![crate::error::toml_problem(
                    path,
                    front,
                    split.front_matter_line,
                    &e,
                )]
            })?;
            parsed.title
        }
    };
    let rendered = markdown::render(split.body);
    if !rendered.refused.is_empty() {
        return Err(rendered
            .refused
            .iter()
            .map(|r| r.problem(path, split.body, split.body_line))
            .collect());
    }
    Ok(Overview {
        title,
        html: rendered.html,
    })
}

/// Lists the announcement files under `content/announcements/`, reporting names that
/// cannot be announcements.
fn discover(root: &Path, main: &Lang, problems: &mut Vec<Problem>) -> Vec<Source> {
    let dir = root.join(DIR).join(ANNOUNCEMENTS);
    let shown = Path::new(DIR).join(ANNOUNCEMENTS);
    let mut sources = Vec::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return sources,
        Err(e) => {
            problems.push(Problem::in_file(&shown, format!("cannot be read: {e}")));
            return sources;
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = shown.join(&name);
        if entry.path().is_dir() {
            discover_folder(&entry.path(), &path, &name, main, problems, &mut sources);
        } else if let Some(stem) = name.strip_suffix(".md") {
            match name_and_role(stem, main) {
                Ok((slug, role)) => sources.push(Source {
                    path,
                    absolute: entry.path(),
                    slug,
                    role,
                    attachments: Vec::new(),
                }),
                Err(m) => problems.push(Problem::in_file(&path, m)),
            }
        } else {
            problems.push(Problem::in_file(
                &path,
                "not an announcement; expected NAME.md, or a folder NAME/ with index.md and its attachments",
            ));
        }
    }
    sources
}

fn discover_folder(
    absolute: &Path,
    shown: &Path,
    slug: &str,
    main: &Lang,
    problems: &mut Vec<Problem>,
    sources: &mut Vec<Source>,
) {
    let mut texts = Vec::new();
    let mut attachments = Vec::new();
    let walker = walkdir::WalkDir::new(absolute)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(Problem::in_file(shown, format!("cannot be read: {e}")));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(absolute)
            .expect("walkdir stays inside its root");
        let name = crate::view::path::slash_separated(relative);
        let path = shown.join(relative);
        if let Some(stem) = name.strip_suffix(".md") {
            if entry.depth() == 1 && (stem == "index" || stem.starts_with("index.")) {
                match name_and_role(stem, main) {
                    Ok((_, role)) => texts.push((path, entry.path().to_path_buf(), role)),
                    Err(m) => problems.push(Problem::in_file(&path, m)),
                }
            } else {
                problems.push(Problem::in_file(
                    &path,
                    "markdown file in an announcement folder; expected only index.md and \
                     index.LANG.md there (other files are published as attachments)",
                ));
            }
            continue;
        }
        match entry.metadata() {
            Ok(meta) => attachments.push(Attachment {
                name,
                source: entry.path().to_path_buf(),
                size: meta.len(),
            }),
            Err(e) => problems.push(Problem::in_file(&path, format!("cannot be read: {e}"))),
        }
    }
    if !texts.iter().any(|(_, _, role)| *role == Role::Original) {
        problems.push(Problem::in_file(
            shown,
            format!("announcement folder without index.md; expected {}/index.md in the site's main language ({main})", shown.display()),
        ));
    }
    for (path, absolute, role) in texts {
        let attachments = if role == Role::Original {
            std::mem::take(&mut attachments)
        } else {
            Vec::new()
        };
        sources.push(Source {
            path,
            absolute,
            slug: slug.to_string(),
            role,
            attachments,
        });
    }
}

/// Splits `NAME` or `NAME.LANG` (a file stem) into the slug and the file's role.
pub(crate) fn name_and_role(stem: &str, main: &Lang) -> Result<(String, Role), String> {
    match stem.split_once('.') {
        None => Ok((stem.to_string(), Role::Original)),
        Some((name, code)) => {
            let lang = Lang::parse(code).map_err(|m| {
                format!(
                    "file name has `.{code}` before `.md`, read as a translation's language: {m}"
                )
            })?;
            if &lang == main {
                return Err(format!(
                    "`.{code}.md` is the site's main language ({main}); the original is {name}.md \
                     (translations are NAME.LANG.md in another language)"
                ));
            }
            Ok((name.to_string(), Role::Translation(lang)))
        }
    }
}

fn parse(source: &Source, zone: FixedOffset) -> Result<Parsed, Vec<Problem>> {
    let slug = Slug::parse(&source.slug).map_err(|m| vec![Problem::in_file(&source.path, m)])?;
    let text = std::fs::read_to_string(&source.absolute).map_err(|e| {
        vec![Problem::in_file(
            &source.path,
            format!("cannot be read as UTF-8 text: {e}"),
        )]
    })?;
    match &source.role {
        Role::Original => announcement::parse_original(
            &source.path,
            &text,
            slug,
            zone,
            source.attachments.clone(),
        )
        .map(|o| Parsed::Original(Box::new(o))),
        Role::Translation(lang) => announcement::parse_translation(&source.path, &text, zone)
            .map(|t| Parsed::Translation(lang.clone(), Box::new(t))),
    }
}

/// A translation may repeat the original's date, channel, number, key report, kind and
/// draft flag; where it does, they must be the same.
fn check_agreement(
    original_path: &Path,
    original: &Announcement,
    path: &Path,
    translation: &Translation,
    problems: &mut Vec<Problem>,
) {
    let repeated = &translation.repeated;
    let mut differs = |key: &str, line: usize, theirs: String, ours: String| {
        problems.push(Problem::at(
            path,
            line,
            format!(
                "`{key}` is {theirs} here but {ours} in the original {}; expected the same \
                 value (or leave it out: translations inherit it)",
                original_path.display()
            ),
        ));
    };
    if let Some((date, line)) = repeated.date
        && date != original.date
    {
        differs("date", line, date.to_rfc3339(), original.date.to_rfc3339());
    }
    if let Some((channels, line)) = repeated.channels
        && channels != original.channels
    {
        differs(
            "channel",
            line,
            channels.as_front_matter().to_string(),
            original.channels.as_front_matter().to_string(),
        );
    }
    if let Some((number, line)) = repeated.number
        && Some(number) != original.number
    {
        let ours = original
            .number
            .map_or("not set".to_string(), |n| n.to_string());
        differs("number", line, number.to_string(), ours);
    }
    if let Some((key_report, line)) = &repeated.key_report
        && Some(key_report.as_str()) != original.key_report.as_ref().map(KeyReportId::as_str)
    {
        let ours = original
            .key_report
            .as_ref()
            .map_or("not set".to_string(), |k| format!("`{k}`"));
        differs("key_report", *line, format!("`{key_report}`"), ours);
    }
    if let Some((kind, line)) = &repeated.kind
        && Some(kind.as_str()) != original.kind.map(Kind::id)
    {
        let ours = original
            .kind
            .map_or("not set".to_string(), |k| format!("\"{}\"", k.id()));
        differs("kind", *line, format!("\"{kind}\""), ours);
    }
    if let Some((draft, line)) = repeated.draft
        && draft != original.draft
    {
        differs("draft", line, draft.to_string(), original.draft.to_string());
    }
    if let Some((corrects, line)) = &repeated.corrects
        && Some(corrects.as_str()) != original.corrects.as_ref().map(Slug::as_str)
    {
        let ours = original
            .corrects
            .as_ref()
            .map_or("not set".to_string(), |s| format!("`{s}`"));
        differs("corrects", *line, format!("`{corrects}`"), ours);
    }
    if let Some((status, line)) = repeated.incident_status
        && Some(status) != original.incident_status
    {
        let ours = original
            .incident_status
            .map_or("not set".to_string(), |s| format!("\"{}\"", s.id()));
        differs(
            "incident_status",
            line,
            format!("\"{}\"", status.id()),
            ours,
        );
    }
    if let Some((next, line)) = repeated.next_update
        && Some(next) != original.next_update
    {
        let ours = original
            .next_update
            .map_or("not set".to_string(), |n| time::front_matter_value(&n));
        differs("next_update", line, time::front_matter_value(&next), ours);
    }
    for (line, message) in tables::disagreements(&original.tables, &repeated.tables, original_path)
    {
        problems.push(Problem::at(path, line, message));
    }
    if let (Some(updated), Some(line)) = (translation.version.updated, translation.updated_line)
        && updated < original.date
    {
        problems.push(Problem::at(
            path,
            line,
            format!(
                "`updated` {} is before the announcement's `date` ({}); expected when this \
                 translation was last amended",
                time::front_matter_value(&updated),
                time::front_matter_value(&original.date)
            ),
        ));
    }
}

/// A correction names an earlier announcement that exists (drafts included, so the
/// link is checked before the correction's release, not at it).
fn check_corrections(announcements: &[Original], problems: &mut Vec<Problem>) {
    let by_slug: HashMap<&Slug, &Announcement> = announcements
        .iter()
        .map(|o| (&o.announcement.slug, &o.announcement))
        .collect();
    for original in announcements {
        let a = &original.announcement;
        let Some(target) = &a.corrects else { continue };
        let line = original.corrects_line.unwrap_or(1);
        match by_slug.get(target) {
            None => {
                let hint = match suggest(target.as_str(), by_slug.keys().map(|s| s.as_str())) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => {
                        "expected the slug of an earlier announcement (its file or folder name)"
                            .to_string()
                    }
                };
                problems.push(Problem::at(
                    &a.original.source,
                    line,
                    format!("`corrects` names `{target}`, which is not an announcement; {hint}"),
                ));
            }
            Some(corrected) if corrected.date >= a.date => problems.push(Problem::at(
                &a.original.source,
                line,
                format!(
                    "`corrects` names `{target}`, dated {}, not before this announcement ({}); \
                     expected an earlier announcement",
                    time::front_matter_value(&corrected.date),
                    time::front_matter_value(&a.date)
                ),
            )),
            Some(_) => {}
        }
    }
}

/// Every `key_report` names a declared block, and no block is claimed twice.
fn check_key_reports(config: &Config, announcements: &[Original], problems: &mut Vec<Problem>) {
    let mut claimed: HashMap<&KeyReportId, &Original> = HashMap::new();
    // Oldest first, so the later claimant is the one reported.
    for original in announcements.iter().rev() {
        let a = &original.announcement;
        let Some(id) = &a.key_report else { continue };
        let line = original.key_report_line.unwrap_or(1);
        if config.key_report(id).is_none() {
            let declared: Vec<&str> = config.key_reports.iter().map(|k| k.id.as_str()).collect();
            let hint = unknown_name_hint(id.as_str(), &declared, || {
                "no key reports are declared; add a [[key_reports]] entry with this id".into()
            });
            problems.push(Problem::at(
                &a.original.source,
                line,
                format!("key report `{id}` is not declared in site.toml; {hint}"),
            ));
            continue;
        }
        if let Some(first) = claimed.get(id) {
            problems.push(Problem::at(
                &a.original.source,
                line,
                format!(
                    "key report `{id}` is already filled by {}; expected each key report to be filled by one announcement",
                    first.announcement.original.source.display()
                ),
            ));
            continue;
        }
        claimed.insert(id, original);
    }
}
