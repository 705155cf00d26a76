//! The templates the code renders, by name, and template errors as problems naming
//! each template's file and line.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::layers::ThemeFile;
use crate::base::Problem;
use crate::load::layout::TEMPLATES;
use crate::msg;

/// The files of `templates/` that are templates; others (a README, an editor's
/// backup) are left alone.
pub(super) const TEMPLATE_SUFFIXES: &[&str] = &[".html", ".xml", ".svg", ".txt"];

/// The templates whose values are escaped: markup, where a site title such as
/// `A&B <速報>` must stay text. Tera escapes `.html` and `.xml` by default;
/// `status.svg` is XML too. Its escaping (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`)
/// is valid in HTML and XML alike.
pub(super) const ESCAPED_SUFFIXES: &[&str] = &[".html", ".xml", ".svg"];

/// A template the code renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// The home page.
    Home,
    /// A list of announcements.
    List,
    /// The services' restoration history.
    Services,
    /// The recurrence-prevention measures.
    Measures,
    /// The response timeline.
    Timeline,
    /// One announcement.
    Announcement,
    /// A guide page of `content/pages/`.
    GuidePage,
    /// The page a static host serves for a missing path.
    NotFound,
    /// The one-line banner other sites embed.
    Banner,
    /// The status badge other sites show as an image.
    Badge,
    /// A redirect page: standalone, not an extension of `base.html`.
    Redirect,
    /// An Atom feed entry's content: the announcement's body and attachments.
    FeedEntry,
    /// The masthead every page shares, made once per language, depth and kind.
    Masthead,
    /// The footer every page shares.
    Footer,
    /// The contact desks, made once per language and depth.
    Contacts,
}

impl Template {
    /// Its file name under `templates/`.
    pub fn name(self) -> &'static str {
        match self {
            Template::Home => "home.html",
            Template::List => "list.html",
            Template::Services => "services.html",
            Template::Measures => "measures.html",
            Template::Timeline => "timeline.html",
            Template::Announcement => "announcement.html",
            Template::GuidePage => "page.html",
            Template::NotFound => "404.html",
            Template::Banner => "banner.html",
            Template::Badge => "status.svg",
            Template::Redirect => "redirect.html",
            Template::FeedEntry => "partials/feed_entry.html",
            Template::Masthead => "partials/masthead.html",
            Template::Footer => "partials/footer.html",
            Template::Contacts => "partials/contacts.html",
        }
    }
}

/// Turns a template error into problems naming each template's file and line: the
/// site's file, or the built-in theme's (then named by the path a site's own copy
/// would have, and said to be built in).
pub(super) fn template_problems(
    err: &tera::Error,
    files: &BTreeMap<String, ThemeFile>,
) -> Vec<Problem> {
    use std::error::Error as _;
    let problem = |name: &str, line: Option<usize>, error: String| {
        let file = files.get(name);
        let path = file.map_or_else(|| PathBuf::from(TEMPLATES).join(name), |f| f.shown.clone());
        let name = name.to_string();
        let message = if file.is_some_and(ThemeFile::is_built_in) {
            msg!("theme-built-in-template-failed", name, error)
        } else {
            msg!("theme-template-failed", name, error)
        };
        Problem {
            path,
            line,
            column: None,
            message,
        }
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
                    PathBuf::from(TEMPLATES),
                    msg!("theme-templates-failed", error = text),
                ));
            }
            problems
        }
    }
}
