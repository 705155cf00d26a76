//! What the command line prints: problems, the preview's rebuilds, the review's
//! findings and the build's summary.

use std::path::Path;

use crisis_site::{BuildSummary, Level, Problem, Rebuilt, Report};

/// "s" after a count of more than one.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Every problem, one `error:` line each.
pub fn problems(problems: &[Problem]) {
    for problem in problems {
        eprintln!("error: {problem}");
    }
}

/// Every problem, then one line saying that `what` failed with them and, in `then`,
/// what that left as it was.
pub fn failure(what: &str, found: &[Problem], then: &str) {
    problems(found);
    eprintln!(
        "error: {what} failed with {} problem{}{then}",
        found.len(),
        plural(found.len())
    );
}

/// One rebuild of the preview: its time, or its problems and what the preview shows
/// instead.
pub fn rebuild(rebuilt: &Rebuilt) {
    if rebuilt.problems.is_empty() {
        println!("rebuilt in {} ms", rebuilt.took.as_millis());
    } else if rebuilt.has_build {
        failure(
            "rebuild",
            &rebuilt.problems,
            "; the preview keeps showing the last good build",
        );
    } else {
        failure(
            "rebuild",
            &rebuilt.problems,
            "; there is no good build yet, so the preview shows only these problems",
        );
    }
}

/// The findings of a review for people: one a paragraph, the external links when
/// asked for, then the counts.
pub fn findings(report: &Report, external: bool) {
    for finding in &report.findings {
        println!("{finding}");
    }
    // A listing, not findings: an address outside the site is not a problem, and
    // whether it still answers is for a person to see.
    if external {
        println!("external links (not fetched): {}", report.external.len());
        for link in &report.external {
            println!("  {} ({})", link.url, link.files.join(", "));
        }
    }
    let [errors, warnings, infos] = counts(report);
    println!(
        "check: {errors} error{}, {warnings} warning{}, {infos} info",
        plural(errors),
        plural(warnings),
    );
}

/// The findings of a review as one JSON document, for CI.
pub fn findings_json(report: &Report, strict: bool, external: bool) -> anyhow::Result<()> {
    let [errors, warnings, infos] = counts(report);
    let mut document = serde_json::json!({
        "findings": report.findings,
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

/// A successful build: its warnings, standby, and one line of what it wrote.
pub fn built(summary: &BuildSummary, output: &Path, millis: u128) {
    for warning in &summary.warnings {
        eprintln!("warning: {warning}");
    }
    if summary.standby {
        println!(
            "standby: the site is not live (site.toml `standby = true`); every page says noindex and robots.txt disallows all crawlers; set `standby = false` to go live"
        );
    }
    let languages: Vec<String> = summary.languages.iter().map(|l| l.to_string()).collect();
    println!(
        "built {} announcement{} into {} ({} pages in {}, {} files) in {millis} ms",
        summary.announcements,
        plural(summary.announcements),
        output.display(),
        summary.pages,
        languages.join(", "),
        summary.files,
    );
}
