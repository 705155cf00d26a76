//! What the command line prints: problems, the preview's rebuilds, the review's
//! findings and the build's summary, in the language chosen for the run.

use std::path::Path;

use crisis_site::{
    BuildSummary, Finding, Level, Listening, Message, MessageLang, Problem, Rebuilt, Report,
    build_errors, msg,
};

/// One line on standard error, in `lang`.
pub fn error_line(lang: MessageLang, message: Message) {
    eprintln!("{}", message.text(lang));
}

/// One line on standard output, in `lang`.
pub fn line(lang: MessageLang, message: Message) {
    println!("{}", message.text(lang));
}

/// Every problem, one `error:` line each.
pub fn problems(lang: MessageLang, problems: &[Problem]) {
    for problem in problems {
        error_line(lang, msg!("error-line", text = problem.text(lang)));
    }
}

/// Every problem, then `failed`: one line saying what failed with how many problems,
/// and what that left as it was.
pub fn failure(lang: MessageLang, found: &[Problem], failed: Message) {
    problems(lang, found);
    error_line(lang, msg!("error-line", text = failed));
}

/// Where the preview listens: first, when other machines can reach it, a warning that
/// they can read the drafts (before the address, which ends what the preview prints
/// on starting); then the address to open.
pub fn listening(lang: MessageLang, listening: &Listening) {
    let address = listening.address.ip().to_string();
    let port = listening.address.port();
    if listening.everywhere() {
        let text = msg!("preview-exposed-everywhere", address, port);
        line(lang, msg!("warning-line", text));
    } else if listening.exposed() {
        let text = msg!("preview-exposed", address);
        line(lang, msg!("warning-line", text));
    }
    let url = listening.url.clone();
    line(lang, msg!("serving", url));
}

/// One rebuild of the preview: its time, or its problems and what the preview shows
/// instead: the last good build, or only the problems when there is none.
pub fn rebuild(lang: MessageLang, rebuilt: &Rebuilt) {
    let count = rebuilt.problems.len();
    if rebuilt.problems.is_empty() {
        let ms = rebuilt.took.as_millis() as u64;
        line(lang, msg!("rebuilt", ms));
    } else if rebuilt.has_build {
        failure(lang, &rebuilt.problems, msg!("rebuild-failed", count));
    } else {
        failure(
            lang,
            &rebuilt.problems,
            msg!("rebuild-failed-no-build", count),
        );
    }
}

/// The findings of a review for people: one a paragraph, the external links when
/// asked for, then the counts.
pub fn findings(lang: MessageLang, report: &Report, external: bool) {
    for finding in &report.findings {
        println!("{}", finding.text(lang));
    }
    // A listing, not findings: an address outside the site is not a problem, and
    // whether it still answers is for a person to see.
    if external {
        let count = report.external.len();
        line(lang, msg!("external-links", count));
        for link in &report.external {
            println!("  {} ({})", link.url, link.files.join(", "));
        }
    }
    let [errors, warnings, infos] = counts(report);
    line(lang, msg!("check-counts", errors, warnings, infos));
}

/// The findings of a review as one JSON document, for CI.
pub fn findings_json(
    lang: MessageLang,
    report: &Report,
    strict: bool,
    external: bool,
) -> anyhow::Result<()> {
    let [errors, warnings, infos] = counts(report);
    let findings: Vec<serde_json::Value> = report
        .findings
        .iter()
        .map(|f| {
            serde_json::json!({
                "rule": f.rule,
                "level": f.level,
                "path": f.path,
                "line": f.line,
                "message": f.message.text(lang),
                "hint": f.hint.text(lang),
            })
        })
        .collect();
    let mut document = serde_json::json!({
        "findings": findings,
        "errors": errors,
        "warnings": warnings,
        "infos": infos,
        "passed": !report.fails(strict),
    });
    if external {
        document["external"] = serde_json::to_value(&report.external)?;
    }
    println!("{}", serde_json::to_string_pretty(&document)?);
    Ok(())
}

/// How many findings have each level, most serious first.
fn counts(report: &Report) -> [usize; 3] {
    [Level::Error, Level::Warning, Level::Info].map(|level| report.count(level))
}

/// A build the review's errors stopped: the errors as `check` prints them, then what
/// that left as it was and how to go on.
pub fn refused(lang: MessageLang, report: &Report, output: &Path) {
    let errors: Vec<&Finding> = build_errors(report).collect();
    for finding in &errors {
        eprintln!("{}", finding.text(lang));
    }
    let count = errors.len();
    let output = output.display().to_string();
    error_line(
        lang,
        msg!(
            "error-line",
            text = msg!("cli-build-refused", count, output)
        ),
    );
}

/// A successful build: the review's errors it published when told to, its warnings,
/// standby, and one line of what it wrote.
pub fn built(lang: MessageLang, summary: &BuildSummary, output: &Path, millis: u128) {
    if !summary.published_errors.is_empty() {
        for finding in &summary.published_errors {
            eprintln!("{}", finding.text(lang));
        }
        let count = summary.published_errors.len();
        error_line(
            lang,
            msg!("warning-line", text = msg!("cli-published-errors", count)),
        );
    }
    for warning in &summary.warnings {
        error_line(lang, msg!("warning-line", text = warning.clone()));
    }
    if summary.standby {
        line(lang, msg!("standby"));
    }
    let languages: Vec<String> = summary.languages.iter().map(|l| l.to_string()).collect();
    line(
        lang,
        msg!(
            "built",
            count = summary.announcements,
            output = output.display().to_string(),
            pages = summary.pages,
            languages = languages.join(", "),
            files = summary.files,
            ms = millis as u64,
        ),
    );
    if summary.pdfs > 0 {
        let (count, typeset) = (summary.pdfs, summary.pdfs_typeset);
        let kept = count - typeset;
        line(lang, msg!("built-pdfs", count, typeset, kept));
    }
}
