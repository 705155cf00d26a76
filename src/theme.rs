//! The theme: templates (with the site's own overrides), static files and the UI
//! strings of each language.
//!
//! All words a reader sees that are not content come from the theme's
//! `i18n/LANG.toml`, never from Rust, so a theme can be translated or reworded
//! without touching code.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Problem, toml_problem};
use crate::lang::Lang;
use crate::time::Pattern;

/// The folder of themes under the site root.
pub const DIR: &str = "themes";
/// The folder of a site's own template overrides.
pub const OVERRIDES: &str = "templates";
/// The folder of a site's own static files.
pub const STATIC: &str = "static";

/// The files of `templates/` that are templates; others (a README, an editor's
/// backup) are left alone.
const TEMPLATE_SUFFIXES: &[&str] = &[".html", ".xml", ".svg", ".txt"];

/// The templates whose values are escaped: markup, where a site title such as
/// `A&B <速報>` must stay text. Tera escapes `.html` and `.xml` by default;
/// `status.svg` is XML too. Its escaping (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`)
/// is valid in HTML and XML alike.
const ESCAPED_SUFFIXES: &[&str] = &[".html", ".xml", ".svg"];

/// Strings the generator itself needs, beyond those templates use.
const REQUIRED: &[&str] = &[
    "home_description",
    "list_title_all",
    "list_title_ir",
    "list_title_pr",
    "list_description_all",
    "list_description_ir",
    "list_description_pr",
    "services_title",
    "services_intro",
    "measures_title",
    "measures_intro",
    "timeline_title",
    "timeline_intro",
    "not_found_title",
    "not_found_text",
    "feed_title_all",
    "feed_title_ir",
    "feed_title_pr",
    "badge_label",
    "badge_description",
    "redirect_title",
    "redirect_text",
    "redirect_link",
    "language_name",
    "datetime_format",
    "date_format",
    "report_number",
    "channel_ir",
    "channel_pr",
    "status_investigating",
    "status_responding",
    "status_recovering",
    "status_resolved",
    "service_stopped",
    "service_degraded",
    "service_partial",
    "service_restored",
    "service_planned",
    "measure_done",
    "measure_in_progress",
    "measure_planned",
    "revision_addendum",
    "revision_correction",
    "indicator_none",
    "indicator_minor",
    "indicator_major",
    "indicator_critical",
    // `crisis-site check`'s word lists: required so a theme that lacks them does not
    // silently turn a rule off; an empty value looks for nothing.
    "check_confidential_markers",
    "check_breach_notice_overview",
    "check_breach_notice_personal_data",
    "check_breach_notice_cause",
    "check_breach_notice_secondary_damage",
    "check_breach_notice_contact",
];

/// A loaded theme, ready to render.
pub struct Theme {
    /// The templates, by file name relative to `templates/`.
    pub tera: tera::Tera,
    /// Where each template was read from, for messages.
    pub template_paths: BTreeMap<String, PathBuf>,
    /// The UI strings of each language the site is built in.
    pub strings: BTreeMap<Lang, Strings>,
    /// Files copied to the output as they are: output path and source.
    pub static_files: Vec<(String, PathBuf)>,
}

/// The UI strings of one language.
#[derive(Debug, Clone)]
pub struct Strings {
    /// Every string of the language's i18n file, by key.
    pub map: BTreeMap<String, String>,
    /// The same strings as templates see them (`t`), converted once: every page of
    /// the language shares this value rather than converting the map again.
    pub value: tera::Value,
    /// How date-times are shown, checked once.
    pub datetime: Pattern,
    /// How days without a time are shown, checked once.
    pub date: Pattern,
}

impl Strings {
    /// The string for `key`. Only [`REQUIRED`] keys may be asked for; their presence
    /// is checked when the theme loads.
    pub fn get(&self, key: &str) -> &str {
        self.map.get(key).map(String::as_str).unwrap_or_default()
    }

    /// The phrases of a list string (`check_…` keys): separated by `|`, trimmed,
    /// empty ones dropped. Only [`REQUIRED`] keys may be asked for.
    pub fn phrases(&self, key: &str) -> Vec<&str> {
        self.get(key)
            .split('|')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    }
}

/// The strings of `lang` in theme `name` of the site at `root`, loaded and checked as
/// [`Theme::load`] does, for a command that needs the words but not the templates.
pub fn strings(
    root: &Path,
    name: &str,
    lang: &Lang,
    zone_name: &str,
) -> Result<Strings, Vec<Problem>> {
    let path = Path::new(DIR)
        .join(name)
        .join("i18n")
        .join(format!("{lang}.toml"));
    load_strings(root, &path, zone_name)
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
        let theme_dir = Path::new(DIR).join(name);
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

        let mut template_paths = BTreeMap::new();
        for dir in [theme_dir.join("templates"), PathBuf::from(OVERRIDES)] {
            for (name, path) in files_under(root, &dir, &mut problems) {
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

        let mut strings = BTreeMap::new();
        for lang in languages {
            let path = theme_dir.join("i18n").join(format!("{lang}.toml"));
            match load_strings(root, &path, zone_name) {
                Ok(s) => {
                    strings.insert(lang.clone(), s);
                }
                Err(mut p) => problems.append(&mut p),
            }
        }

        let mut static_files: BTreeMap<String, PathBuf> = BTreeMap::new();
        for dir in [theme_dir.join("static"), PathBuf::from(STATIC)] {
            for (name, path) in files_under(root, &dir, &mut problems) {
                static_files.insert(name, root.join(path));
            }
        }

        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Theme {
            tera,
            template_paths,
            strings,
            static_files: static_files.into_iter().collect(),
        })
    }
}

/// Turns a template error into problems naming each template's file and line.
pub fn template_problems(err: &tera::Error, paths: &BTreeMap<String, PathBuf>) -> Vec<Problem> {
    use std::error::Error as _;
    let problem = |name: &str, line: Option<usize>, message: String| Problem {
        path: paths
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(OVERRIDES).join(name)),
        line,
        message: format!("template `{name}` failed: {message}"),
    };
    match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let mut message = report.message().to_string();
            let mut source = err.source();
            while let Some(cause) = source {
                message.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            vec![problem(
                report.filename(),
                Some(report.span().start_line),
                message,
            )]
        }
        other => {
            // Checks that span templates (unknown filters, functions, includes) come as
            // one text of reports: "error: MESSAGE" then "--> NAME:LINE:COLUMN".
            let text = other.to_string();
            let mut problems = Vec::new();
            let mut lines = text.lines().peekable();
            while let Some(line) = lines.next() {
                let Some(message) = line.strip_prefix("error: ") else {
                    continue;
                };
                let location = lines.peek().and_then(|l| l.trim().strip_prefix("--> "));
                let mut parts = location.map(|l| l.rsplitn(3, ':')).into_iter().flatten();
                let (_column, line, name) = (parts.next(), parts.next(), parts.next());
                match (name, line.and_then(|l| l.parse().ok())) {
                    (Some(name), Some(line)) => {
                        problems.push(problem(name, Some(line), message.to_string()))
                    }
                    _ => problems.push(problem("", None, message.to_string())),
                }
            }
            if problems.is_empty() {
                problems.push(Problem::in_file(
                    PathBuf::from(DIR),
                    format!("templates failed: {text}"),
                ));
            }
            problems
        }
    }
}

fn load_strings(root: &Path, path: &Path, zone_name: &str) -> Result<Strings, Vec<Problem>> {
    let text = std::fs::read_to_string(root.join(path)).map_err(|e| {
        vec![Problem::in_file(
            path,
            format!("cannot be read ({e}); every language of the site needs the theme's strings"),
        )]
    })?;
    let map: BTreeMap<String, String> =
        toml::from_str(&text).map_err(|e| vec![toml_problem(path, &text, 1, &e)])?;
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|k| !map.contains_key(*k))
        .collect();
    if !missing.is_empty() {
        return Err(vec![Problem::in_file(
            path,
            format!(
                "missing strings {}; expected every one of them",
                missing
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )]);
    }
    let pattern = map["datetime_format"].replace("{zone}", &zone_name.replace('%', "%%"));
    let datetime = Pattern::parse(&pattern)
        .map_err(|m| vec![Problem::in_file(path, format!("`datetime_format`: {m}"))])?;
    let date = Pattern::parse_day(&map["date_format"])
        .map_err(|m| vec![Problem::in_file(path, format!("`date_format`: {m}"))])?;
    Ok(Strings {
        value: tera::Value::from_serializable(&map),
        map,
        datetime,
        date,
    })
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
                let name = crate::view::path::slash_separated(relative);
                files.push((name, dir.join(relative)));
            }
            Ok(_) => {}
            Err(e) => problems.push(Problem::in_file(dir, format!("cannot be read: {e}"))),
        }
    }
    files
}
